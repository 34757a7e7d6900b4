package dev.aiaas.events;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox's pending events in id order and marks them published once Kafka
 * has acknowledged them. Delivery is at least once (a crash between the acknowledgement
 * and the update re-sends); consumers deduplicate by the event id in the payload header.
 * An event Kafka will never take (too large, a topic that cannot exist or that this service
 * may not write) is parked with the reason and no longer holds up the events after it; any
 * other failure (the broker away) stops the batch there, to be retried in order.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final DataSource dataSource;
    private final String table;
    private final Producer<String, byte[]> producer;

    public OutboxRelay(DataSource dataSource, String table, Producer<String, byte[]> producer) {
        this.dataSource = dataSource;
        this.table = table;
        this.producer = producer;
    }

    /**
     * Publishes up to one batch of pending events. Rows are locked while they are sent so
     * that several replicas of a service can relay side by side without double sends.
     *
     * @return how many events were published
     */
    public int publishPending() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Long> published = sendLocked(connection);
                markPublished(connection, published);
                connection.commit();
                return published.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.warnf("outbox %s: could not publish pending events (will retry): %s", table, e.getMessage());
            return 0;
        }
    }

    private List<Long> sendLocked(Connection connection) throws SQLException {
        String select = "select id, topic, event_key, payload, traceparent from " + table
                + " where published_at is null and parked_at is null order by id limit " + BATCH
                + " for update skip locked";
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(select); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(rows.getString(2), rows.getString(3),
                        rows.getBytes(4));
                String traceparent = rows.getString(5);
                if (traceparent != null) {
                    record.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
                }
                sends.add(producer.send(record));
            }
        }
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            Optional<Throwable> failure = awaitAck(sends.get(i));
            if (failure.isEmpty()) {
                acknowledged.add(ids.get(i));
            } else if (refusedForGood(failure.get())) {
                park(connection, ids.get(i), failure.get());
            } else {
                LOG.warnf("outbox %s: Kafka did not acknowledge event %d (will retry): %s", table, ids.get(i),
                        failure.get().getMessage());
                break; // keep order: later events wait for the failed one's retry
            }
        }
        return acknowledged;
    }

    /** Empty once Kafka acknowledged the send, else why it failed. */
    private static Optional<Throwable> awaitAck(Future<RecordMetadata> send) {
        try {
            send.get(30, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            return Optional.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(e);
        }
    }

    /** Failures no retry can mend: the record itself is the problem, or the topic refuses this service. */
    static boolean refusedForGood(Throwable failure) {
        return failure instanceof RecordTooLargeException
                || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException
                || failure instanceof TopicAuthorizationException
                || failure instanceof SerializationException;
    }

    private void park(Connection connection, long id, Throwable failure) throws SQLException {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        LOG.errorf("outbox %s: event %d parked, Kafka refused it for good (%s); the events after it go on", table,
                id, reason);
        String update = "update " + table + " set parked_at = now(), park_reason = ? where id = ?";
        try (PreparedStatement mark = connection.prepareStatement(update)) {
            mark.setString(1, reason);
            mark.setLong(2, id);
            mark.executeUpdate();
        }
    }

    private void markPublished(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        String update = "update " + table + " set published_at = now() where id = any (?)";
        try (PreparedStatement mark = connection.prepareStatement(update)) {
            mark.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            mark.executeUpdate();
        }
    }
}
