package dev.aiaas.events;

import com.google.protobuf.MessageLite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Transactional outbox: an event is written to the service's {@code outbox} table in the
 * same database transaction as the change it announces, and {@link OutboxRelay} publishes
 * it afterwards. A change is therefore never committed without its event, and an event is
 * never published for a change that rolled back.
 *
 * <p>Each stateful service has, in its own schema:
 * <pre>
 * create table outbox (id bigserial primary key, topic text not null, event_key text not null,
 *                      payload bytea not null, created_at timestamptz not null default now(),
 *                      published_at timestamptz,
 *                      traceparent text,                      -- W3C trace context of the change
 *                      parked_at timestamptz, park_reason text); -- Kafka refused it for good
 * </pre>
 * The trace context current when the event is appended travels with it (a {@code traceparent}
 * header on the Kafka record), so the consumers' work joins the trace of the change.
 */
public final class Outbox {

    private Outbox() {
    }

    /** Appends an event inside the caller's transaction ({@code connection} is not committed here). */
    public static void append(Connection connection, String table, String topic, String key, MessageLite event) {
        String sql = "insert into " + table + " (topic, event_key, payload, traceparent) values (?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, topic);
            insert.setString(2, key);
            insert.setBytes(3, event.toByteArray());
            insert.setString(4, TraceParent.current().orElse(null));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the " + topic + " event for " + key, e);
        }
    }
}
