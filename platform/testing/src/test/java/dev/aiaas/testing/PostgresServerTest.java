package dev.aiaas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @Test
    void answersSelectOne() throws SQLException {
        try (PostgresServer postgres = PostgresServer.start(ServerOptions.ephemeral());
                Connection c = connect(postgres, "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void keepsATableWhenRestartedOnTheSameDataDirectory(@TempDir Path dataDir) throws SQLException {
        ServerOptions options = ServerOptions.persistent(dataDir, 0);
        try (PostgresServer postgres = PostgresServer.start(options)) {
            postgres.ensureDatabase("aiaas");
            try (Connection c = connect(postgres, "aiaas"); Statement s = c.createStatement()) {
                s.execute("create table models (name text primary key)");
                s.execute("insert into models values ('iris-mlp')");
            }
        }

        try (PostgresServer restarted = PostgresServer.start(options);
                Connection c = connect(restarted, "aiaas");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select name from models")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("iris-mlp");
        }
    }

    @Test
    void aServerStartedWithAPasswordRefusesConnectionsWithoutItAlsoAfterARestart(@TempDir Path dataDir)
            throws SQLException {
        ServerOptions options = ServerOptions.persistent(dataDir, 0);
        String password = "local-Generated_password-0123456789";
        try (PostgresServer postgres = PostgresServer.start(options, password)) {
            postgres.ensureDatabase("aiaas");
            assertThat(postgres.password()).isEqualTo(password);
            assertRefused(postgres, PostgresServer.PASSWORD);
            assertRefused(postgres, "");
        }

        try (PostgresServer restarted = PostgresServer.start(options, password);
                Connection c = DriverManager.getConnection(restarted.jdbcUrl("aiaas"), PostgresServer.USER, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertRefused(restarted, "the-wrong-password");
        }
    }

    private static void assertRefused(PostgresServer postgres, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("aiaas"), PostgresServer.USER, password)
                .close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isIn("28P01", "08004"));
    }

    @Test
    void ensureDatabaseCreatesADatabaseOnceAndThenLeavesItAlone() throws SQLException {
        try (PostgresServer postgres = PostgresServer.start(ServerOptions.ephemeral())) {
            postgres.ensureDatabase("registry");
            try (Connection c = connect(postgres, "registry"); Statement s = c.createStatement()) {
                s.execute("create table t (x int)");
            }
            postgres.ensureDatabase("registry");

            try (Connection c = connect(postgres, "registry"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void refusesATakenPortNamingTheVariableThatMovesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> PostgresServer.start(new ServerOptions(null, port, Duration.ofSeconds(30))))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageStartingWith("port " + port + " is already in use: stop what holds it or set AIAAS_POSTGRES_PORT");
        }
    }

    private static Connection connect(PostgresServer postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }
}
