package dev.aiaas.ingest.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * How far each client upload with an id has been stored; an upload id is the client's within a
 * dataset of a project. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class UploadStore {

    @Inject
    DataSource dataSource;

    /** Records the upload if it is new; returns how many of its records are already taken. */
    public long start(String project, String dataset, String uploadId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into upload (project, dataset, upload_id) values (?, ?, ?) on conflict do nothing")) {
                insert.setString(1, project);
                insert.setString(2, dataset);
                insert.setString(3, uploadId);
                insert.executeUpdate();
            }
            try (PreparedStatement query = c.prepareStatement(
                    "select records_seen from upload where project = ? and dataset = ? and upload_id = ?")) {
                query.setString(1, project);
                query.setString(2, dataset);
                query.setString(3, uploadId);
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
    public boolean advance(String project, String dataset, String uploadId, long from, long to, long accepted)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update upload set records_seen = ?, accepted = accepted + ?, updated_at = now() "
                        + "where project = ? and dataset = ? and upload_id = ? and records_seen = ?")) {
            update.setLong(1, to);
            update.setLong(2, accepted);
            update.setString(3, project);
            update.setString(4, dataset);
            update.setString(5, uploadId);
            update.setLong(6, from);
            return update.executeUpdate() == 1;
        }
    }
}
