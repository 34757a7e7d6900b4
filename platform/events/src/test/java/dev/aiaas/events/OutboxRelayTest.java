package dev.aiaas.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.proto.events.v1.TrainingJobQueued;
import dev.aiaas.testing.KafkaBroker;
import dev.aiaas.testing.PostgresServer;
import dev.aiaas.testing.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The relay on a real broker and database: order kept, trace context carried, a refused event parked. */
class OutboxRelayTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static PostgresServer postgres;
    private static KafkaBroker broker;
    private static PGSimpleDataSource dataSource;
    private String table;

    @BeforeAll
    static void startServers() throws Exception {
        postgres = PostgresServer.start(ServerOptions.ephemeral());
        broker = KafkaBroker.start(ServerOptions.ephemeral());
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl("postgres"));
        dataSource.setUser(postgres.user());
        dataSource.setPassword(postgres.password());
    }

    /** A fresh outbox table per test, as a service's migration creates it. */
    @BeforeEach
    void createOutbox() throws Exception {
        table = "outbox_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            ddl.execute("create table " + table + " (id bigserial primary key, topic text not null, "
                    + "event_key text not null, payload bytea not null, created_at timestamptz not null default now(), "
                    + "published_at timestamptz, traceparent text, parked_at timestamptz, park_reason text)");
        }
    }

    @AfterAll
    static void stopServers() {
        broker.close();
        postgres.close();
    }

    @Test
    void anEventKafkaRefusesForGoodIsParkedAndTheOnesAfterItArePublishedInOrder() throws Exception {
        String topic = "outbox-test-" + UUID.randomUUID();
        createTopic(topic);
        append(topic, "first", event("first"), TRACEPARENT);
        append(topic, "too-large", event("x".repeat(2 * 1024 * 1024)), null);
        append(topic, "third", event("third"), null);

        int published;
        try (Producer<String, byte[]> producer = KafkaProducers.idempotent(broker.bootstrapServers(), "outbox-test")) {
            published = new OutboxRelay(dataSource, table, producer).publishPending();
        }

        List<ConsumerRecord<String, byte[]>> records = consume(topic, 2);
        assertThat(published).isEqualTo(2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("first", "third");
        assertThat(new String(records.get(0).headers().lastHeader(TraceParent.HEADER).value(), StandardCharsets.US_ASCII))
                .isEqualTo(TRACEPARENT);
        assertThat(records.get(1).headers().lastHeader(TraceParent.HEADER)).isNull();
        assertThat(parkReason("too-large")).startsWith("RecordTooLargeException");
        assertThat(pending()).isZero();
    }

    @Test
    void eventsOlderThanTheirRetentionAreDeletedAndPendingOnesKept() throws Exception {
        String topic = "purge-test-" + UUID.randomUUID();
        append(topic, "old-published", event("a"), null);
        append(topic, "new-published", event("b"), null);
        append(topic, "old-parked", event("c"), null);
        append(topic, "old-pending", event("d"), null);
        try (Connection c = dataSource.getConnection(); PreparedStatement age = c.prepareStatement(
                "update " + table + " set published_at = case event_key when 'old-published' then now() - interval '8 days' "
                        + "when 'new-published' then now() - interval '1 day' end, "
                        + "parked_at = case event_key when 'old-parked' then now() - interval '31 days' end, "
                        + "created_at = now() - interval '60 days' where topic = ?")) {
            age.setString(1, topic);
            age.executeUpdate();
        }

        long deleted = new OutboxPurge(dataSource, table).purge(Duration.ofDays(7), Duration.ofDays(30));

        assertThat(deleted).isEqualTo(2);
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select event_key from " + table + " where topic = ? order by id")) {
            query.setString(1, topic);
            List<String> left = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    left.add(rows.getString(1));
                }
            }
            assertThat(left).containsExactly("new-published", "old-pending");
        }
    }

    private static TrainingJobQueued event(String jobId) {
        return TrainingJobQueued.newBuilder().setJobId(jobId).build();
    }

    private void append(String topic, String key, TrainingJobQueued event, String traceparent) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            Outbox.append(c, table, topic, key, event);
            if (traceparent != null) {
                try (PreparedStatement update = c.prepareStatement(
                        "update " + table + " set traceparent = ? where event_key = ? and topic = ?")) {
                    update.setString(1, traceparent);
                    update.setString(2, key);
                    update.setString(3, topic);
                    update.executeUpdate();
                }
            }
        }
    }

    private String parkReason(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select park_reason from " + table + " where event_key = ? and parked_at is not null")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private long pending() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement query = c.createStatement();
                ResultSet row = query.executeQuery("select count(*) from " + table + " where published_at is null and parked_at is null")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String topic, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
