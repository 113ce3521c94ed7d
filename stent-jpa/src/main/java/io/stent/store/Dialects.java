package io.stent.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Picks the dialect from the database product name.
 */
final class Dialects {

    private Dialects() {
    }

    static Dialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.toLowerCase(java.util.Locale.ROOT).contains("postgresql")) {
                return new PostgresDialect();
            }
            if (product.equalsIgnoreCase("H2")) {
                return new H2Dialect();
            }
            throw new StoreException("STENT-3001 Stent does not support the database '" + product
                    + "'; supported: PostgreSQL, H2. Point stent.datasource at one of them.", null);
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }
}
