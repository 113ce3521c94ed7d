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
 * A PostgreSQL database created for one test and dropped after it, with the Payara Micro
 * arguments that expose it as the pool-backed resource {@code jdbc/stent}.
 */
public final class PostgresDatabase implements AutoCloseable {

    private final String server;
    private final String name;

    private PostgresDatabase(String server, String name) {
        this.server = server;
        this.name = name;
    }

    /**
     * Creates a fresh database.
     *
     * @return the database
     */
    public static PostgresDatabase create() {
        String server = System.getProperty("stent.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
        String name = "stent_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin(server, "CREATE DATABASE " + name);
        return new PostgresDatabase(server, name);
    }

    /**
     * The database's JDBC URL.
     *
     * @return the URL
     */
    public String jdbcUrl() {
        return server + name;
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
                "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                        + " --restype=javax.sql.DataSource --steadypoolsize=4 --maxpoolsize=48 --statementcachesize=64"
                        // a connection the database dropped (a restart) is found and replaced before use
                        + " --isconnectvalidatereq=true --validationmethod=auto-commit --failconnection=true"
                        // more pool options for an experiment, e.g. -Dstent.pgPoolOptions=--associatewiththread=true
                        + " " + System.getProperty("stent.pgPoolOptions", "")
                        + " --property=user=postgres:password=postgres:serverName=127.0.0.1:portNumber=5432"
                        + ":databaseName=" + name + " stentPool",
                "create-jdbc-resource --connectionpoolid=stentPool jdbc/stent", ""));
        return List.of("--addLibs", System.getProperty("stent.pgDriver", "target/postgresql.jar"),
                "--postbootcommandfile", commands.toString());
    }

    private static void admin(String server, String sql) {
        try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' (is PostgreSQL running?)", e);
        }
    }

    @Override
    public void close() {
        admin(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
