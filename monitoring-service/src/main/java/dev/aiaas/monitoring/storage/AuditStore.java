package dev.aiaas.monitoring.storage;

import com.google.protobuf.Timestamp;
import dev.aiaas.proto.events.v1.CallAudited;
import dev.aiaas.proto.events.v1.EventHeader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The audit trail of every service, as monitoring keeps it. */
@ApplicationScoped
public class AuditStore {

    /** Where a page ends: the last event listed, newest first. */
    public record Position(Instant occurredAt, String eventId) {
    }

    /** What to list: a project's calls (and those refused before a project was known), newest first. */
    public record Query(String project, String principal, String method, Instant from, Instant to, int limit,
            Position after) {
    }

    @Inject
    DataSource dataSource;

    /** Stores an event once: a redelivered one changes nothing. */
    public void insert(CallAudited event) throws SQLException {
        String sql = "insert into audit_event (event_id, occurred_at, service, method, principal, principal_is_service, "
                + "project, request, outcome, outcome_message, trace_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (event_id) do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            Timestamp at = event.getHeader().getOccurredAt();
            insert.setString(1, event.getHeader().getEventId());
            insert.setTimestamp(2, java.sql.Timestamp.from(Instant.ofEpochSecond(at.getSeconds(), at.getNanos())));
            insert.setString(3, event.getService());
            insert.setString(4, event.getMethod());
            insert.setString(5, event.getPrincipal());
            insert.setBoolean(6, event.getPrincipalIsService());
            insert.setString(7, event.getProject());
            insert.setString(8, event.getRequest());
            insert.setString(9, event.getOutcome());
            insert.setString(10, event.getOutcomeMessage());
            insert.setString(11, event.getTraceId());
            insert.executeUpdate();
        }
    }

    public List<CallAudited> list(Query query) throws SQLException {
        StringBuilder sql = new StringBuilder("select * from audit_event where project in (?, '')");
        List<Object> args = new ArrayList<>(List.of(query.project()));
        if (!query.principal().isEmpty()) {
            sql.append(" and principal = ?");
            args.add(query.principal());
        }
        if (!query.method().isEmpty()) {
            sql.append(" and strpos(method, ?) > 0");
            args.add(query.method());
        }
        if (query.from() != null) {
            sql.append(" and occurred_at >= ?");
            args.add(java.sql.Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < ?");
            args.add(java.sql.Timestamp.from(query.to()));
        }
        if (query.after() != null) {
            sql.append(" and (occurred_at, event_id) < (?, ?)");
            args.add(java.sql.Timestamp.from(query.after().occurredAt()));
            args.add(query.after().eventId());
        }
        sql.append(" order by occurred_at desc, event_id desc limit ?");
        args.add(query.limit());
        List<CallAudited> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(read(row));
                }
            }
        }
        return events;
    }

    private static CallAudited read(ResultSet row) throws SQLException {
        Instant at = row.getTimestamp("occurred_at").toInstant();
        return CallAudited.newBuilder()
                .setHeader(EventHeader.newBuilder().setEventId(row.getString("event_id")).setSource(row.getString("service"))
                        .setOccurredAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano())))
                .setService(row.getString("service")).setMethod(row.getString("method"))
                .setPrincipal(row.getString("principal")).setPrincipalIsService(row.getBoolean("principal_is_service"))
                .setProject(row.getString("project")).setRequest(row.getString("request"))
                .setOutcome(row.getString("outcome")).setOutcomeMessage(row.getString("outcome_message"))
                .setTraceId(row.getString("trace_id")).build();
    }
}
