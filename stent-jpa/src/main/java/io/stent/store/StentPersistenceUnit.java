package io.stent.store;

import io.stent.store.model.AuditRow;
import io.stent.store.model.BulkReplayRow;
import io.stent.store.model.CacheEntryRow;
import io.stent.store.model.DeadLetterRow;
import io.stent.store.model.ExecutionRow;
import io.stent.store.model.ExecutionTagRow;
import io.stent.store.model.LimitRow;
import io.stent.store.model.RetentionRunRow;
import io.stent.store.model.ScheduleRow;
import io.stent.store.model.SchemaVersionRow;
import io.stent.store.model.SignalRow;
import io.stent.store.model.StepRow;
import io.stent.store.model.TaskRow;
import io.stent.store.model.WorkerRow;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import javax.sql.DataSource;
import java.net.URL;
import java.util.List;
import java.util.Properties;

/**
 * Stent's persistence unit, described in code rather than in a {@code persistence.xml}: the
 * server never discovers it, so the host application's unqualified {@code @PersistenceContext}
 * stays unambiguous. Resource-local on Stent's DataSource (Stent's callers suspend a caller's JTA
 * transaction around store work), the entities listed and nothing scanned, no weaving (no agent),
 * no shared cache (other instances write the same rows).
 */
final class StentPersistenceUnit implements PersistenceUnitInfo {

    /** The entity classes, the unit's only managed classes. */
    static final List<Class<?>> ENTITIES = List.of(ExecutionRow.class, TaskRow.class, StepRow.class,
            SignalRow.class, DeadLetterRow.class, WorkerRow.class, LimitRow.class, CacheEntryRow.class, AuditRow.class,
            SchemaVersionRow.class, ExecutionTagRow.class, ScheduleRow.class, BulkReplayRow.class,
            RetentionRunRow.class);

    private final String name;
    private final DataSource dataSource;
    private final Properties properties;

    StentPersistenceUnit(String name, DataSource dataSource, Properties properties) {
        this.name = name;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public String getPersistenceUnitName() {
        return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return org.eclipse.persistence.jpa.PersistenceProvider.class.getName();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return StentPersistenceUnit.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    public List<String> getManagedClassNames() {
        return ENTITIES.stream().map(Class::getName).toList();
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return StentPersistenceUnit.class.getClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // No weaving: the entities are plain classes, read and written through their fields.
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return getClassLoader();
    }
}
