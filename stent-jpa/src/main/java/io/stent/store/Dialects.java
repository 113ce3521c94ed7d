package io.stent.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The databases Stent supports: picks the dialect from a connection's metadata, or by name.
 */
final class Dialects {

    /** The dialects by name, each with the product names that select it. */
    private record Known(String name, List<String> products, Supplier<Dialect> factory) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known("postgresql", List.of("postgresql"), PostgresDialect::new),
            new Known("h2", List.of("h2"), H2Dialect::new),
            new Known("mariadb", List.of("mariadb", "mysql"), MariaDbDialect::new));

    /** The names of the supported dialects, which are also the folders of their migrations. */
    static final List<String> NAMES = KNOWN.stream().map(Known::name).toList();

    private Dialects() {
    }

    static Dialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String product = metaData.getDatabaseProductName();
            for (Known known : KNOWN) {
                if (known.products().contains(product.toLowerCase(Locale.ROOT))) {
                    Dialect dialect = known.factory().get();
                    dialect.checkVersion(metaData);
                    return dialect;
                }
            }
            throw new StoreException(StoreMessages.UNSUPPORTED_DATABASE.format(
                    "Stent does not support the database '" + product + "'; supported: PostgreSQL, H2, MariaDB "
                            + "10.6+ and MySQL 8. Point stent.datasource at one of them."),
                    null);
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    /**
     * The dialect of a name.
     *
     * @param name e.g. {@code mariadb}
     * @return the dialect
     * @throws io.stent.StentArgumentException naming the known dialects
     */
    static Dialect byName(String name) {
        return KNOWN.stream().filter(known -> known.name().equals(name)).findFirst()
                .map(known -> known.factory().get())
                .orElseThrow(() -> new io.stent.StentArgumentException(StoreMessages.UNKNOWN_DATABASE_NAME, name,
                        NAMES));
    }
}
