package dev.aiaas.monitoring.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Lets one monitoring replica at a time run a pass of the retraining loop: a PostgreSQL session
 * lock, held on one connection for the pass and released after it (or when the replica dies).
 */
@ApplicationScoped
public class LoopLock {

    private static final long KEY = 0x61696161_6c6f6f70L; // "aiaaloop"

    @Inject
    DataSource dataSource;

    /** Runs {@code pass} if no other replica runs one now; false when another does. */
    public boolean whileHeld(Runnable pass) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!ask(c, "select pg_try_advisory_lock(?)")) {
                return false;
            }
            try {
                pass.run();
                return true;
            } finally {
                ask(c, "select pg_advisory_unlock(?)");
            }
        }
    }

    private static boolean ask(Connection c, String sql) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setLong(1, KEY);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
