package dev.aiaas.monitoring;

import static dev.aiaas.monitoring.AnsweredRequests.awaitCounted;
import static dev.aiaas.monitoring.AnsweredRequests.awaitQuality;
import static dev.aiaas.monitoring.AnsweredRequests.bytes;
import static dev.aiaas.monitoring.AnsweredRequests.classified;
import static dev.aiaas.monitoring.AnsweredRequests.header;
import static dev.aiaas.monitoring.AnsweredRequests.judged;
import static dev.aiaas.monitoring.AnsweredRequests.labels;
import static dev.aiaas.monitoring.AnsweredRequests.log;
import static dev.aiaas.monitoring.AnsweredRequests.named;
import static dev.aiaas.monitoring.AnsweredRequests.regressed;
import static dev.aiaas.monitoring.AnsweredRequests.requestId;
import static dev.aiaas.monitoring.AnsweredRequests.values;
import static dev.aiaas.monitoring.GroundTruthTest.MACRO_F1;
import static dev.aiaas.monitoring.GroundTruthTest.PREDICTED;
import static dev.aiaas.monitoring.GroundTruthTest.SPECIES;
import static dev.aiaas.monitoring.GroundTruthTest.TRUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.Timestamp;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.proto.monitoring.v1.VersionQuality;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.testing.RealServers;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Ground truth from any producer on {@value Topics#INGEST_FEEDBACK}: joined to its prediction in
 * the project its {@value Projects#HEADER} header names (the default project without one); a
 * record refused for any reason lands on {@value Topics#INGEST_DLQ}, unchanged, with the reason in
 * {@value Topics#DLQ_REASON_HEADER}, as ingest's refused records do.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class FeedbackTopicTest {

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Test
    void groundTruthOnTheTopicJoinsItsPredictionsInTheProjectItsHeaderNames() throws Exception {
        String endpoint = LoggedPredictions.endpoint("fb-join");
        String first = requestId();
        String second = requestId();
        Instant now = Instant.now();
        log(List.of(classified("alpha", endpoint, first, 1, now, slice(PREDICTED, 0, 4), SPECIES),
                classified("alpha", endpoint, second, 1, now, slice(PREDICTED, 4, 10), SPECIES)));

        try (var producer = producer()) {
            send(producer, "alpha", first, labels(endpoint, first, named(slice(TRUE, 0, 4), SPECIES)).toByteArray());
            send(producer, "alpha", second, labels(endpoint, second, named(slice(TRUE, 4, 10), SPECIES)).toByteArray());
        }

        VersionQuality total = awaitQuality(in("alpha"), endpoint, judged(2)).getTotals(0);
        assertThat(total.getRowCount()).isEqualTo(10);
        assertThat(total.getAccuracy()).isCloseTo(0.7, within(1e-12));
        assertThat(total.getMacroF1()).isCloseTo(MACRO_F1, within(1e-12));
        assertThatThrownBy(() -> AnsweredRequests.quality(monitoring, endpoint))
                .as("the default project has no endpoint %s", endpoint)
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void aRecordWithoutAProjectHeaderIsTheDefaultProjectsAndARedeliveryChangesNothing() throws Exception {
        String endpoint = LoggedPredictions.endpoint("fb-default");
        String request = requestId();
        log(List.of(regressed(Projects.DEFAULT, endpoint, request, Instant.now(), 1, 1.0f, 3.0f)));
        byte[] truth = values(endpoint, request, 2.0, 3.0).toByteArray();

        try (var producer = producer()) {
            send(producer, null, request, truth);
            send(producer, null, request, truth);
        }

        VersionQuality total = awaitQuality(monitoring, endpoint, judged(1)).getTotals(0);
        assertThat(total.getMse()).isCloseTo(0.5, within(1e-12));
        assertThat(total.getMae()).isCloseTo(0.5, within(1e-12));
        assertThat(AnsweredRequests.deadLetters(Topics.INGEST_DLQ, List.of(truth), Duration.ofSeconds(3)))
                .as("a redelivered record is no duplicate").isEmpty();
    }

    @Test
    void everyKindOfBadRecordLandsOnTheIngestDeadLetterTopicWithItsReason() throws Exception {
        String endpoint = LoggedPredictions.endpoint("fb-bad");
        String classifiedId = requestId();
        String regressedId = requestId();
        String recordedId = requestId();
        Instant now = Instant.now();
        log(List.of(classified(Projects.DEFAULT, endpoint, classifiedId, 1, now, new int[] {0, 1, 2}, SPECIES),
                classified(Projects.DEFAULT, endpoint, recordedId, 1, now, new int[] {0, 1}, SPECIES),
                regressed(Projects.DEFAULT, endpoint, regressedId, now, 1, 1.0f, 2.0f)));
        awaitCounted(monitoring, endpoint, 3);
        String unknown = requestId();
        Map<String, Letter> bad = new LinkedHashMap<>();
        bad.put("not an aiaas.monitoring.v1.GroundTruth", new Letter(null, unknown,
                ("not a protobuf " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));
        bad.put("no endpoint", letter(null, labels("", unknown, "setosa")));
        bad.put("no request id", new Letter(null, null, labels(endpoint, "", "setosa", "virginica").toByteArray()));
        bad.put("both labels and values", letter(null, labels(endpoint, unknown, "setosa").toBuilder()
                .addValues(1.0).build()));
        bad.put("neither labels nor values", letter(null, labels(endpoint, unknown)));
        bad.put("2 labels, but the request had 3 rows", letter(null, labels(endpoint, classifiedId, "setosa", "setosa")));
        bad.put("predicts values", letter(null, labels(endpoint, regressedId, "setosa", "setosa")));
        bad.put("predicts labels", letter(null, values(endpoint, classifiedId, 1, 2, 3)));
        bad.put("older than the horizon", letter(null, labels(endpoint, requestId(), "setosa").toBuilder()
                .setObservedAt(Timestamp.newBuilder().setSeconds(now.minus(Duration.ofDays(8)).getEpochSecond()))
                .build()));
        bad.put("duplicate", letter(null, labels(endpoint, recordedId, "virginica", "virginica")));
        bad.put("not a valid project name", letter("Not A Project", labels(endpoint, requestId(), "setosa")));
        bad.put("key a record by the request id", new Letter(null, "another-" + unknown,
                labels(endpoint, requestId(), "setosa").toByteArray()));
        byte[] recorded = labels(endpoint, recordedId, "setosa", "versicolor").toByteArray();

        try (var producer = producer()) {
            send(producer, null, recordedId, recorded); // before its duplicate: same key, same partition
            for (Letter letter : bad.values()) {
                send(producer, letter.project(), letter.key(), letter.value());
            }
        }

        Map<List<Byte>, ConsumerRecord<String, byte[]>> letters = AnsweredRequests.deadLetters(Topics.INGEST_DLQ,
                bad.values().stream().map(Letter::value).toList(), Duration.ofSeconds(30));
        for (Map.Entry<String, Letter> expected : bad.entrySet()) {
            ConsumerRecord<String, byte[]> letter = letters.get(bytes(expected.getValue().value()));
            assertThat(letter).as("the letter of a record refused for '%s'", expected.getKey()).isNotNull();
            assertThat(header(letter, Topics.DLQ_REASON_HEADER)).as("its reason").contains(expected.getKey());
            assertThat(header(letter, Topics.DLQ_SOURCE_TOPIC_HEADER)).isEqualTo(Topics.INGEST_FEEDBACK);
        }
        VersionQuality total = awaitQuality(monitoring, endpoint, judged(1)).getTotals(0);
        assertThat(total.getRequestCount()).as("only the first ground truth of a request judges it").isEqualTo(1);
        assertThat(total.getAccuracy()).isEqualTo(1.0);
        assertThat(AnsweredRequests.deadLetters(Topics.INGEST_DLQ, List.of(recorded), Duration.ofSeconds(1))).isEmpty();
    }

    /** A record for the feedback topic: its project header (null: none), key and value. */
    private record Letter(String project, String key, byte[] value) {
    }

    private static Letter letter(String project, GroundTruth truth) {
        return new Letter(project, truth.getRequestId(), truth.toByteArray());
    }

    private MonitoringServiceBlockingStub in(String project) {
        return ProjectHeader.on(monitoring, project);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String project, String key, byte[] value)
            throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INGEST_FEEDBACK, key, value);
        if (project != null) {
            record.headers().add(new RecordHeader(Projects.HEADER, project.getBytes(StandardCharsets.UTF_8)));
        }
        producer.send(record).get();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static int[] slice(int[] rows, int from, int to) {
        return java.util.Arrays.copyOfRange(rows, from, to);
    }
}
