package io.stent.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The migrations come from the resource files, and every database ships the same ones. */
class MigrationsTest {

    @Test
    void everyDialectShipsTheSameVersions_underTheSameNames_withoutGaps() {
        List<Migration> reference = Migration.of("postgresql");
        assertFalse(reference.isEmpty());
        for (String dialect : Migration.DIALECTS) {
            List<Migration> migrations = Migration.of(dialect);
            assertEquals(reference.stream().map(m -> m.version() + " " + m.description()).toList(),
                    migrations.stream().map(m -> m.version() + " " + m.description()).toList(), dialect);
            for (int i = 0; i < migrations.size(); i++) {
                assertEquals(i + 1, migrations.get(i).version(), dialect + " has no gap");
            }
        }
        assertEquals(reference.size(), Migration.latest());
        assertEquals(Migration.latest(), SchemaMigrator.expectedVersion());
    }

    @Test
    void anUnknownDialect_isAClearError() {
        io.stent.StentArgumentException error = assertThrows(io.stent.StentArgumentException.class, () -> Migration.of("oracle"));
        assertEquals(true, error.getMessage().contains("oracle"));
    }
}
