package dev.aiaas.errors;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;

/** A piece of database work; {@link #run} turns SQL failures into what a client can act on. */
@FunctionalInterface
public interface SqlWork<T> {

    T call() throws SQLException;

    static <T> T run(SqlWork<T> work) {
        try {
            return work.call();
        } catch (SQLTransientException | SQLNonTransientConnectionException e) {
            throw DomainException.unavailable("the service database is not answering; retry shortly", e);
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state != null && state.startsWith("08")) { // connection exception class
                throw DomainException.unavailable("the service database is not answering; retry shortly", e);
            }
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }
}
