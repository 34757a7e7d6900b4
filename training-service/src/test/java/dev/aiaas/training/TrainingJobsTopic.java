package dev.aiaas.training;

import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.TrainingJobQueued;
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

/** Reads the announcements on {@value Topics#TRAINING_JOBS} as a worker would, in a consumer group of its own. */
final class TrainingJobsTopic {

    private TrainingJobsTopic() {
    }

    /** The announcements of {@code jobId} (the record key), once one arrived or the time is up. */
    static List<TrainingJobQueued> announcementsOf(String jobId, Duration timeout) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "training-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<TrainingJobQueued> announced = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRAINING_JOBS));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (announced.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (jobId.equals(record.key())) {
                        announced.add(TrainingJobQueued.parseFrom(record.value()));
                    }
                }
            }
        }
        return announced;
    }
}
