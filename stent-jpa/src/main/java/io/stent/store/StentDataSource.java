package io.stent.store;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Where Stent's DataSource is found: the one definition of the {@code stent.datasource} key, its
 * default and its look-up, shared by the runtime and the admin console.
 */
public final class StentDataSource {

    /** The MicroProfile Config key that names the DataSource. */
    public static final String KEY = "stent.datasource";

    /** The server's default DataSource (H2 in Payara). */
    public static final String DEFAULT = "java:comp/DefaultDataSource";

    private StentDataSource() {
    }

    /**
     * Looks the DataSource up in JNDI.
     *
     * @param jndiName the configured name
     * @return the DataSource
     * @throws io.stent.StentException naming the key when the name cannot be looked up
     */
    public static DataSource lookup(String jndiName) {
        try {
            return (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            throw new io.stent.StentException(StoreMessages.DATASOURCE_LOOKUP, e, KEY, jndiName, e.getMessage(), KEY);
        }
    }
}
