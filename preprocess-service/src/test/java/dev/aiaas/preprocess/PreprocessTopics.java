package dev.aiaas.preprocess;

import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.DatasetPrepared;
import dev.aiaas.proto.events.v1.DatasetVersionSealed;
import dev.aiaas.testing.RealServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The topics around preprocess as its peers use them: ingest announcing a seal, training reading what was prepared. */
final class PreprocessTopics {

    private PreprocessTopics() {
    }

    /** Sends {@code event} on {@value Topics#INGEST_EVENTS} as ingest's outbox relay would (key = dataset). */
    static void announceSeal(DatasetVersionSealed event) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INGEST_EVENTS, event.getDataset(), event.toByteArray())).get();
        }
    }

    /**
     * The DatasetPrepared events of {@code dataset} v{@code version} (the record key is the dataset,
     * the same name in every project), once one arrived or the time is up.
     */
    static List<DatasetPrepared> preparedEventsOf(String dataset, long version, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "preprocess-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DatasetPrepared> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PREPROCESS_EVENTS));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (events.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    DatasetPrepared event = dataset.equals(record.key()) ? parse(record.value()) : null;
                    if (event != null && event.getDatasetVersion() == version) {
                        events.add(event);
                    }
                }
            }
        }
        return events;
    }

    private static DatasetPrepared parse(byte[] payload) {
        try {
            return DatasetPrepared.parseFrom(payload);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError("preprocess event is not a DatasetPrepared", e);
        }
    }
}
