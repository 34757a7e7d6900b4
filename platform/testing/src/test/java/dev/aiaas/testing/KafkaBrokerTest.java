package dev.aiaas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @Test
    void consumesBackTheRecordThatWasProduced() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(ServerOptions.ephemeral())) {
            produce(broker, "greetings", "id-1", "hello broker");

            assertThat(consumeAll(broker, "greetings", 1))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("id-1", "hello broker"));
        }
    }

    @Test
    void createsTopicsWithThreePartitionsByDefault() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(ServerOptions.ephemeral());
                Admin admin = admin(broker)) {
            produce(broker, "auto-created", "k", "v");

            assertThat(admin.describeTopics(List.of("auto-created")).allTopicNames().get()
                    .get("auto-created").partitions()).hasSize(3);
        }
    }

    @Test
    void keepsTopicsAndRecordsWhenRestartedOnTheSameDataDirectory(@TempDir Path dataDir) throws Exception {
        ServerOptions options = ServerOptions.persistent(dataDir, 0);
        try (KafkaBroker broker = KafkaBroker.start(options); Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            produce(broker, "kept", "model", "v1");
        }

        try (KafkaBroker restarted = KafkaBroker.start(options); Admin admin = admin(restarted)) {
            assertThat(admin.listTopics().names().get()).contains("kept");
            assertThat(consumeAll(restarted, "kept", 1)).extracting(ConsumerRecord::value).containsExactly("v1");
        }
    }

    @Test
    void refusesATakenPortNamingTheVariableThatMovesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> KafkaBroker.start(new ServerOptions(null, port, Duration.ofSeconds(30))))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessage("port " + port + " is already in use: stop what holds it or set AIAAS_KAFKA_PORT"
                            + " (needed by kafka)");
        }
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void produce(KafkaBroker broker, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(KafkaBroker broker, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
