package dev.aiaas.ingest;

import static dev.aiaas.ingest.IngestFixtures.IRIS;
import static dev.aiaas.ingest.IngestFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.events.Topics;
import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.common.v1.Value;
import dev.aiaas.proto.events.v1.IngestRecord;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import dev.aiaas.testing.RealServers;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class KafkaRecordsTest {

    private static final String SETOSA = "\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, "
            + "\"petal_width\": 0.2, \"species\": \"setosa\"";

    @GrpcClient("ingest")
    IngestServiceBlockingStub ingest;

    @Test
    void validRecordsInEveryAcceptedEncodingLandInTheOpenData() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        Record record = Record.newBuilder()
                .putFields("sepal_length", number(6.3)).putFields("sepal_width", number(3.3))
                .putFields("petal_length", number(6.0)).putFields("petal_width", number(2.5))
                .putFields("species", Value.newBuilder().setStringValue("virginica").build()).build();

        send(null, "{\"dataset\": \"" + dataset + "\", \"fields\": {" + SETOSA + "}}");
        send(dataset, "{" + SETOSA + "}");
        send(dataset, IngestRecord.newBuilder().setDataset(dataset).setRecord(record).build().toByteArray());

        assertThat(openRowsReaching(dataset, 3, Duration.ofSeconds(30))).isEqualTo(3);
    }

    @Test
    void refusedRecordsGoToTheDeadLetterTopicUnchangedWithTheReason() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        byte[] notJson = ("{" + SETOSA).getBytes(StandardCharsets.UTF_8);
        byte[] unknownDataset = ("{\"dataset\": \"" + dataset + "-missing\", \"fields\": {" + SETOSA + "}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] noLabel = "{\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, \"petal_width\": 0.2}"
                .getBytes(StandardCharsets.UTF_8);

        send(dataset, notJson);
        send(dataset, unknownDataset);
        send(dataset, noLabel);
        send(dataset, "{" + SETOSA + "}");

        List<ConsumerRecord<String, byte[]>> letters = IngestFixtures.consume(Topics.INGEST_DLQ,
                record -> dataset.equals(record.key()), 3, Duration.ofSeconds(30));
        assertThat(letters).extracting(ConsumerRecord::value).containsExactly(notJson, unknownDataset, noLabel);
        assertThat(letters).extracting(r -> header(r, Topics.DLQ_REASON_HEADER)).satisfiesExactly(
                reason -> assertThat(reason).startsWith("not JSON"),
                reason -> assertThat(reason).contains("unknown dataset '" + dataset + "-missing'"),
                reason -> assertThat(reason).contains("species is missing (it is the label)"));
        assertThat(letters).extracting(r -> header(r, Topics.DLQ_SOURCE_TOPIC_HEADER)).containsOnly(Topics.INGEST_RECORDS);
        assertThat(letters).extracting(r -> header(r, Topics.DLQ_SOURCE_OFFSET_HEADER)).doesNotContainNull();
        assertThat(letters).extracting(r -> header(r, "origin")).containsOnly("kafka-records-test");
        assertThat(openRowsReaching(dataset, 1, Duration.ofSeconds(30))).isEqualTo(1);
    }

    private long openRowsReaching(String dataset, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long rows;
        do {
            rows = ingest.getDataset(GetDatasetRequest.newBuilder().setName(dataset).build()).getOpenRows();
            if (rows >= expected) {
                return rows;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return rows;
    }

    private static void send(String key, String value) throws Exception {
        send(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(String key, byte[] value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INGEST_RECORDS, key, value);
            record.headers().add("origin", "kafka-records-test".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Value number(double value) {
        return Value.newBuilder().setDoubleValue(value).build();
    }
}
