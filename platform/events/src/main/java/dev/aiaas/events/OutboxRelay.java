package dev.aiaas.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox's pending events in id order and marks them published once Kafka
 * has acknowledged them. Delivery is at least once (a crash between the acknowledgement
 * and the update re-sends); consumers deduplicate by the event id in the payload header.
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
        String select = "select id, topic, event_key, payload from " + table
                + " where published_at is null order by id limit " + BATCH + " for update skip locked";
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(select); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
                sends.add(producer.send(new ProducerRecord<>(rows.getString(2), rows.getString(3), rows.getBytes(4))));
            }
        }
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            if (!awaitAck(sends.get(i))) {
                break; // keep order: later events wait for the failed one's retry
            }
            acknowledged.add(ids.get(i));
        }
        return acknowledged;
    }

    private boolean awaitAck(Future<RecordMetadata> send) {
        try {
            send.get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("outbox %s: Kafka did not acknowledge an event (will retry): %s", table, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
