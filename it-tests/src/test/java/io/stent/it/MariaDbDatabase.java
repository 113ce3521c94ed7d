package io.stent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A MariaDB database created for one test and dropped after it, with a user of its own that may
 * use only that database, and the Payara Micro arguments that expose it as the pool-backed
 * resource {@code jdbc/stent}. The pool keeps the server's default isolation (REPEATABLE READ), as
 * a pool set up without Stent in mind would.
 */
public final class MariaDbDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String PASSWORD = "stent-it";

    private final String name;

    private MariaDbDatabase(String name) {
        this.name = name;
    }

    /**
     * Creates a fresh database.
     *
     * @return the database
     */
    public static MariaDbDatabase create() {
        String name = "stent_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        admin("CREATE USER '" + name + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
        admin("GRANT ALL PRIVILEGES ON " + name + ".* TO '" + name + "'@'%'");
        return new MariaDbDatabase(name);
    }

    /**
     * The database's JDBC URL.
     *
     * @return the URL
     */
    public String jdbcUrl() {
        return SERVER + name;
    }

    /**
     * Payara Micro arguments: the driver on the server's class path and a post-boot command file
     * that creates the pool and the {@code jdbc/stent} resource.
     *
     * @param work a directory for the command file
     * @return the arguments
     * @throws IOException if the file cannot be written
     */
    public List<String> payaraArguments(Path work) throws IOException {
        Path commands = work.resolve("postboot-" + name + ".asadmin");
        Files.writeString(commands, String.join("\n",
                "create-jdbc-connection-pool --datasourceclassname=org.mariadb.jdbc.MariaDbDataSource"
                        + " --restype=javax.sql.DataSource --steadypoolsize=4 --maxpoolsize=48 --statementcachesize=64"
                        + " --isconnectvalidatereq=true --validationmethod=auto-commit --failconnection=true"
                        + " --property user=" + name + ":password=" + PASSWORD
                        + ":url=jdbc\\:mariadb\\://127.0.0.1\\:3306/" + name + " stentPool",
                "create-jdbc-resource --connectionpoolid=stentPool jdbc/stent", ""));
        return List.of("--addLibs", System.getProperty("stent.mariadbDriver", "target/mariadb.jar"),
                "--postbootcommandfile", commands.toString());
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' (is MariaDB running? .ci/run starts it)", e);
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name);
        admin("DROP USER IF EXISTS '" + name + "'@'%'");
    }
}
