package dev.aiaas.ingest.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** How far each client upload with an id has been stored. Runs inside the caller's transaction. */
@ApplicationScoped
public class UploadStore {

    @Inject
    DataSource dataSource;

    /** Records the upload if it is new; returns how many of its records are already taken. */
    public long start(String dataset, String uploadId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into upload (dataset, upload_id) values (?, ?) on conflict do nothing")) {
                insert.setString(1, dataset);
                insert.setString(2, uploadId);
                insert.executeUpdate();
            }
            try (PreparedStatement query = c.prepareStatement(
                    "select records_seen from upload where dataset = ? and upload_id = ?")) {
                query.setString(1, dataset);
                query.setString(2, uploadId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        }
    }

    /**
     * Moves the upload from {@code from} to {@code to} records taken, {@code accepted} of them
     * stored.
     *
     * @return false when the upload no longer stands at {@code from}: another stream with the
     *         same id moved it
     */
    public boolean advance(String dataset, String uploadId, long from, long to, long accepted) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update upload set records_seen = ?, accepted = accepted + ?, updated_at = now() "
                        + "where dataset = ? and upload_id = ? and records_seen = ?")) {
            update.setLong(1, to);
            update.setLong(2, accepted);
            update.setString(3, dataset);
            update.setString(4, uploadId);
            update.setLong(5, from);
            return update.executeUpdate() == 1;
        }
    }
}
