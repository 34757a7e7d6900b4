package dev.aiaas.registry.storage;

import dev.aiaas.registry.model.ProjectGrant;
import dev.aiaas.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The roles granted in each project, one per subject. Runs inside the caller's transaction. */
@ApplicationScoped
public class GrantStore {

    private static final String COLUMNS = "project, subject, role, granted_by, granted_at";

    @Inject
    DataSource dataSource;

    /** The subject's grant in the project, locked until the transaction ends. */
    public Optional<ProjectGrant> findForUpdate(String project, String subject) throws SQLException {
        String sql = "select " + COLUMNS + " from access_grant where project = ? and subject = ? for update";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, subject);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Grants {@code role}, replacing the subject's grant in the project; returns it as stored. */
    public ProjectGrant put(String project, String subject, Role role, String grantedBy) throws SQLException {
        String sql = "insert into access_grant (project, subject, role, granted_by) values (?, ?, ?, ?) "
                + "on conflict (project, subject) do update set role = excluded.role, "
                + "granted_by = excluded.granted_by, granted_at = now() returning " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(sql)) {
            upsert.setString(1, project);
            upsert.setString(2, subject);
            upsert.setString(3, role.name());
            upsert.setString(4, grantedBy);
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return read(row);
            }
        }
    }

    public void delete(String project, String subject) throws SQLException {
        String sql = "delete from access_grant where project = ? and subject = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setString(1, project);
            delete.setString(2, subject);
            delete.executeUpdate();
        }
    }

    /** The project's grants by subject (only {@code subject}'s unless it is empty), at most {@code limit}. */
    public List<ProjectGrant> list(String project, String subject, int limit) throws SQLException {
        String sql = "select " + COLUMNS + " from access_grant where project = ? and (? = '' or subject = ?) "
                + "order by subject limit ?";
        List<ProjectGrant> grants = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, subject);
            query.setString(3, subject);
            query.setInt(4, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    grants.add(read(rows));
                }
            }
        }
        return grants;
    }

    private static ProjectGrant read(ResultSet row) throws SQLException {
        return new ProjectGrant(row.getString("project"), row.getString("subject"), Role.valueOf(row.getString("role")),
                row.getString("granted_by"), row.getTimestamp("granted_at").toInstant());
    }
}
