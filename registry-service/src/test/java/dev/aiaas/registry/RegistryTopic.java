package dev.aiaas.registry;

import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.RegistryEvent;
import dev.aiaas.testing.RealServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what the registry published on {@value Topics#REGISTRY_EVENTS}, as a consumer (serving) would. */
final class RegistryTopic {

    private RegistryTopic() {
    }

    /** The events keyed {@code model} (the same name in every project), in order, once {@code expected} arrived or the time is up. */
    static List<RegistryEvent> eventsOf(String model, int expected, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "registry-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<RegistryEvent> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REGISTRY_EVENTS));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (model.equals(record.key())) {
                        events.add(parse(record.value()));
                    }
                }
            }
        }
        return events;
    }

    private static RegistryEvent parse(byte[] payload) {
        try {
            return RegistryEvent.parseFrom(payload);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError("registry event is not a RegistryEvent", e);
        }
    }
}
