package dev.aiaas.serving;

import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.testing.RealServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the prediction log ({@value Topics#SERVING_PREDICTIONS}) as monitoring does, for the serving tests. */
final class PredictionTopic {

    private PredictionTopic() {
    }

    /** The event logged for request {@code requestId}; fails the test when none comes within {@code timeout}. */
    static PredictionLogged awaitLogged(String requestId, Duration timeout) {
        return awaitLogged(requestId, event -> true, timeout);
    }

    /**
     * The event logged for request {@code requestId} by the version in {@code role} ("champion",
     * "challenger", "shadow"); fails the test when none comes within {@code timeout}.
     */
    static PredictionLogged awaitLogged(String requestId, String role, Duration timeout) {
        return awaitLogged(requestId, event -> event.getRole().equals(role), timeout);
    }

    private static PredictionLogged awaitLogged(String requestId, Predicate<PredictionLogged> wanted,
            Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "serving-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SERVING_PREDICTIONS));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        PredictionLogged event = PredictionLogged.parseFrom(record.value());
                        if (event.getRequestId().equals(requestId) && wanted.test(event)) {
                            return event;
                        }
                    } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
                        // not ours
                    }
                }
            }
        }
        throw new AssertionError("request " + requestId + " was not logged within " + timeout);
    }
}
