package dev.aiaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aiaas.testing.KafkaBroker;
import dev.aiaas.testing.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replay reads a topic from its start in order, says when it has caught up with what the
 * topic held, goes on with what is written later, and survives a record its handler refuses.
 */
class TopicReplayTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static KafkaBroker broker;
    private static Producer<String, byte[]> producer;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(ServerOptions.ephemeral());
        producer = KafkaProducers.idempotent(broker.bootstrapServers(), "replay-test");
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.close();
    }

    @Test
    void readsWhatTheTopicHeldInOrderThenWhatComesLater() throws Exception {
        String topic = create("aiaas.test.replay-order");
        send(topic, "a", "1");
        send(topic, "b", "1");
        send(topic, "a", "2");
        Map<String, String> state = new ConcurrentHashMap<>();

        try (TopicReplay replay = TopicReplay.start(KafkaConnection.plain(broker.bootstrapServers()), topic,
                "replay-test", (key, value) -> state.put(key, new String(value, StandardCharsets.UTF_8)))) {
            await().atMost(TIMEOUT).until(replay::caughtUp);
            assertThat(state).containsExactlyInAnyOrderEntriesOf(Map.of("a", "2", "b", "1"));
            assertThat(replay.recordsRead()).isEqualTo(3);

            send(topic, "b", "2");
            await().atMost(TIMEOUT).until(() -> "2".equals(state.get("b")));
        }
    }

    @Test
    void anEmptyTopicIsCaughtUpAtOnce() {
        String topic = create("aiaas.test.replay-empty");

        try (TopicReplay replay = TopicReplay.start(KafkaConnection.plain(broker.bootstrapServers()), topic,
                "replay-test", (key, value) -> { })) {
            await().atMost(TIMEOUT).until(replay::caughtUp);
            assertThat(replay.recordsRead()).isZero();
        }
    }

    @Test
    void aRecordTheHandlerRefusesIsSkippedAndReadingGoesOn() throws Exception {
        String topic = create("aiaas.test.replay-refused");
        send(topic, "good", "1");
        send(topic, "bad", "x");
        send(topic, "later", "3");
        List<String> applied = new CopyOnWriteArrayList<>();

        try (TopicReplay replay = TopicReplay.start(KafkaConnection.plain(broker.bootstrapServers()), topic,
                "replay-test", (key, value) -> {
                    Integer.parseInt(new String(value, StandardCharsets.UTF_8));
                    applied.add(key);
                })) {
            await().atMost(TIMEOUT).until(replay::caughtUp);
            assertThat(applied).containsExactly("good", "later");
            assertThat(replay.recordsRead()).isEqualTo(3);
        }
    }

    @Test
    void aTopicCreatedAfterReadingBeganIsReadOnceItExists() throws Exception {
        String topic = "aiaas.test.replay-later";
        Map<String, String> state = new ConcurrentHashMap<>();

        try (TopicReplay replay = TopicReplay.start(KafkaConnection.plain(broker.bootstrapServers()), topic,
                "replay-test", (key, value) -> state.put(key, new String(value, StandardCharsets.UTF_8)))) {
            Thread.sleep(500);
            assertThat(replay.caughtUp()).isFalse();
            create(topic);
            send(topic, "k", "v");
            await().atMost(TIMEOUT).until(() -> "v".equals(state.get("k")));
            assertThat(replay.caughtUp()).isTrue();
        }
    }

    private static String create(String topic) {
        TopicBootstrap.ensure(broker.bootstrapServers(), List.of(Topics.TopicSpec.compacted(topic)),
                new TopicReplication((short) 1, 1), TIMEOUT);
        return topic;
    }

    private static void send(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get();
    }
}
