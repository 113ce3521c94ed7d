package io.stent.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

/**
 * Stent's Jakarta Persistence unit on its DataSource, bootstrapped through EclipseLink's container
 * bootstrap with {@link StentPersistenceUnit}. Each store has its own unit under a unique name, so
 * two applications (or two stores in one JVM) never share EclipseLink's session.
 */
final class StentPersistence implements AutoCloseable {

    private final EntityManagerFactory factory;

    private StentPersistence(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /**
     * Builds the unit.
     *
     * @param dataSource Stent's DataSource
     * @param dialect the database's dialect
     * @return the unit
     */
    static StentPersistence open(DataSource dataSource, Dialect dialect) {
        String name = "stent-" + UUID.randomUUID();
        Properties properties = new Properties();
        properties.put("eclipselink.session-name", name);
        properties.put("eclipselink.target-database", dialect.eclipseLinkPlatform());
        properties.put("eclipselink.target-server", "None");
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.cache.shared.default", "false");
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.logging.logger", "JavaLogger");
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("eclipselink.deploy-on-startup", "true");
        StentPersistenceUnit unit = new StentPersistenceUnit(name, new AdaptedDataSource(dataSource, dialect),
                properties);
        EntityManagerFactory factory = new org.eclipse.persistence.jpa.PersistenceProvider()
                .createContainerEntityManagerFactory(unit, Map.of());
        return new StentPersistence(factory);
    }

    /**
     * Runs work that only reads, outside a transaction.
     *
     * @param work the work
     * @param <T> its result
     * @return the result
     */
    <T> T read(Function<EntityManager, T> work) {
        EntityManager manager = factory.createEntityManager();
        try {
            return work.apply(manager);
        } finally {
            manager.close();
        }
    }

    /**
     * Runs work in a transaction of its own, committed when it returns and rolled back when it
     * throws.
     *
     * @param work the work
     * @param <T> its result
     * @return the result
     */
    <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager manager = factory.createEntityManager();
        EntityTransaction transaction = manager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(manager);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            if (transaction.isActive()) {
                try {
                    transaction.rollback();
                } catch (RuntimeException rollback) {
                    e.addSuppressed(rollback);
                }
            }
            throw e;
        } finally {
            manager.close();
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
