package dev.aiaas.monitoring.storage;

import dev.aiaas.monitoring.model.Alert;
import dev.aiaas.monitoring.model.AlertKind;
import dev.aiaas.monitoring.model.AlertProgress;
import dev.aiaas.monitoring.model.AlertState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Each rule's hysteresis progress and every alert, under the endpoint's project. Runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class AlertStore {

    private static final String COLUMNS = "id, project, endpoint, rule, kind, severity, state, fired_value, "
            + "resolved_value, threshold, summary, description, starts_at, ends_at";

    @Inject
    DataSource dataSource;

    /** A rule's progress and the id of its firing alert (null when none fires). */
    public record StoredProgress(AlertProgress progress, String alertId) {
    }

    /** The progress of a rule of an endpoint of {@code project}, locked until the transaction ends. */
    public Optional<StoredProgress> progressForUpdate(String project, String endpoint, String rule) throws SQLException {
        String sql = "select state, breaches, clears, alert_id from alert_progress "
                + "where project = ? and endpoint = ? and rule = ? for update";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, endpoint);
            query.setString(3, rule);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new StoredProgress(new AlertProgress(AlertState.valueOf(row.getString(1)),
                        row.getInt(2), row.getInt(3)), row.getString(4))) : Optional.empty();
            }
        }
    }

    public void saveProgress(String project, String endpoint, String rule, StoredProgress stored) throws SQLException {
        String sql = "insert into alert_progress (project, endpoint, rule, state, breaches, clears, alert_id, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, now()) on conflict (project, endpoint, rule) do update set "
                + "state = excluded.state, breaches = excluded.breaches, clears = excluded.clears, "
                + "alert_id = excluded.alert_id, updated_at = excluded.updated_at";
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(sql)) {
            upsert.setString(1, project);
            upsert.setString(2, endpoint);
            upsert.setString(3, rule);
            upsert.setString(4, stored.progress().state().name());
            upsert.setInt(5, stored.progress().breaches());
            upsert.setInt(6, stored.progress().clears());
            upsert.setString(7, stored.alertId());
            upsert.executeUpdate();
        }
    }

    /** Forgets the progress of the endpoint's rules not named in {@code kept} (rules removed). */
    public void forgetProgressExcept(String project, String endpoint, List<String> kept) throws SQLException {
        String sql = "delete from alert_progress where project = ? and endpoint = ? and not (rule = any(?))";
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setString(1, project);
            delete.setString(2, endpoint);
            delete.setArray(3, c.createArrayOf("text", kept.toArray()));
            delete.executeUpdate();
        }
    }

    public void insert(Alert alert) throws SQLException {
        String sql = "insert into alert (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, alert.id());
            insert.setString(2, alert.project());
            insert.setString(3, alert.endpoint());
            insert.setString(4, alert.rule());
            insert.setString(5, alert.kind().name());
            insert.setString(6, alert.severity());
            insert.setString(7, alert.state().name());
            insert.setDouble(8, alert.firedValue());
            insert.setDouble(9, alert.resolvedValue());
            insert.setDouble(10, alert.threshold());
            insert.setString(11, alert.summary());
            insert.setString(12, alert.description());
            insert.setTimestamp(13, Timestamp.from(alert.startsAt()));
            insert.setTimestamp(14, alert.endsAt() == null ? null : Timestamp.from(alert.endsAt()));
            insert.executeUpdate();
        }
    }

    /** Marks a firing alert resolved; the resolved alert, or empty when it is not stored. */
    public Optional<Alert> resolve(String id, double value, String description, java.time.Instant at)
            throws SQLException {
        String sql = "update alert set state = 'RESOLVED', resolved_value = ?, description = ?, ends_at = ? "
                + "where id = ? returning " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setDouble(1, value);
            update.setString(2, description);
            update.setTimestamp(3, Timestamp.from(at));
            update.setString(4, id);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /**
     * Alerts of {@code project}, newest first.
     *
     * @param endpoint only this endpoint's; null for every one
     * @param state    only alerts in this state; null for any
     */
    public List<Alert> list(String project, String endpoint, AlertState state, int limit) throws SQLException {
        String sql = "select " + COLUMNS + " from alert where project = ? and (?::text is null or endpoint = ?) "
                + "and (?::text is null or state = ?) order by starts_at desc, id limit ?";
        List<Alert> alerts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            String stateName = state == null ? null : state.name();
            query.setString(1, project);
            query.setString(2, endpoint);
            query.setString(3, endpoint);
            query.setString(4, stateName);
            query.setString(5, stateName);
            query.setInt(6, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    alerts.add(read(row));
                }
            }
        }
        return alerts;
    }

    private static Alert read(ResultSet row) throws SQLException {
        Timestamp ends = row.getTimestamp("ends_at");
        return new Alert(row.getString("id"), row.getString("project"), row.getString("endpoint"),
                row.getString("rule"), AlertKind.valueOf(row.getString("kind")), row.getString("severity"),
                AlertState.valueOf(row.getString("state")), row.getDouble("fired_value"),
                row.getDouble("resolved_value"), row.getDouble("threshold"), row.getString("summary"),
                row.getString("description"), row.getTimestamp("starts_at").toInstant(),
                ends == null ? null : ends.toInstant());
    }
}
