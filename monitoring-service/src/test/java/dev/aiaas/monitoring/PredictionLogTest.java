package dev.aiaas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.GetModelMetricsRequest;
import dev.aiaas.proto.monitoring.v1.ModelMetrics;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class PredictionLogTest {

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Test
    void everyLoggedRequestIsCountedOnceWithItsLatency() throws Exception {
        String endpoint = "iris-" + UUID.randomUUID().toString().substring(0, 8);
        try (var producer = producer()) {
            for (int i = 0; i < 40; i++) {
                PredictionLogged event = prediction(endpoint, i < 36 ? 0.004 : 0.120, i == 39 ? "INVALID_ARGUMENT" : "OK");
                producer.send(new ProducerRecord<>(Topics.SERVING_PREDICTIONS, endpoint, event.toByteArray())).get();
                if (i == 0) { // redelivery of the same event must not count twice
                    producer.send(new ProducerRecord<>(Topics.SERVING_PREDICTIONS, endpoint, event.toByteArray())).get();
                }
            }
        }

        ModelMetrics metrics = awaitRequests(endpoint, 40, Duration.ofSeconds(30));

        assertThat(metrics.getRequestCount()).isEqualTo(40);
        assertThat(metrics.getErrorCount()).isEqualTo(1);
        assertThat(metrics.getRowCount()).isEqualTo(40 * 8);
        assertThat(metrics.getLatency().getP50Seconds()).isBetween(0.0038, 0.0042);
        assertThat(metrics.getLatency().getP99Seconds()).isBetween(0.114, 0.126);
        assertThat(metrics.getWindowsList()).isNotEmpty();
    }

    @Test
    void metricsCoverTheAskedTimeRangeOnly() throws Exception {
        String endpoint = "iris-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        try (var producer = producer()) {
            for (int i = 0; i < 15; i++) {
                Instant at = i < 10 ? now.minus(Duration.ofHours(2)) : now;
                producer.send(new ProducerRecord<>(Topics.SERVING_PREDICTIONS, endpoint,
                        prediction(endpoint, 0.004, "OK", at).toByteArray())).get();
            }
        }
        awaitRequests(endpoint, 15, Duration.ofSeconds(30));

        ModelMetrics lastHalfHour = metrics(endpoint, now.minus(Duration.ofMinutes(30)), now.plusSeconds(60));
        ModelMetrics twoHoursAgo = metrics(endpoint, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1)));
        ModelMetrics yesterday = metrics(endpoint, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));

        assertThat(lastHalfHour.getRequestCount()).isEqualTo(5);
        assertThat(twoHoursAgo.getRequestCount()).isEqualTo(10);
        assertThat(twoHoursAgo.getStartTime().getSeconds()).isEqualTo(now.minus(Duration.ofHours(3)).getEpochSecond());
        assertThat(yesterday.getRequestCount()).isZero();
        assertThat(yesterday.getWindowsList()).isEmpty();
        assertThatThrownBy(() -> metrics(endpoint, now.minus(Duration.ofDays(40)), now))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("shorter");
                });
    }

    private ModelMetrics metrics(String endpoint, Instant from, Instant to) {
        return monitoring.getModelMetrics(GetModelMetricsRequest.newBuilder().setEndpoint(endpoint)
                .setStartTime(Timestamp.newBuilder().setSeconds(from.getEpochSecond()).setNanos(from.getNano()))
                .setEndTime(Timestamp.newBuilder().setSeconds(to.getEpochSecond()).setNanos(to.getNano())).build());
    }

    @Test
    void predictionsLoggedWhileTheDatabaseDropsItsConnectionsAreCountedNotDeadLettered() throws Exception {
        String endpoint = "iris-" + UUID.randomUUID().toString().substring(0, 8);
        List<byte[]> sent = new java.util.ArrayList<>();
        terminateMonitoringConnections(); // what a database restart does to the pool
        try (var producer = producer()) {
            for (int i = 0; i < 5; i++) {
                byte[] event = prediction(endpoint, 0.004, "OK").toByteArray();
                producer.send(new ProducerRecord<>(Topics.SERVING_PREDICTIONS, endpoint, event)).get();
                sent.add(event);
            }
        }

        assertThat(awaitRequests(endpoint, 5, Duration.ofSeconds(60)).getRequestCount()).isEqualTo(5);
        for (byte[] event : sent) {
            assertThat(awaitDeadLetter(event, Duration.ofSeconds(2))).as("dead letter").isNull();
        }
    }

    /** Ends every session of the monitoring schema's pool on the server, as a restart would. */
    private static void terminateMonitoringConnections() throws java.sql.SQLException {
        RealServers servers = RealServers.get();
        try (var c = java.sql.DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
                var statement = c.createStatement();
                var ended = statement.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                        + "where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'")) {
            ended.next();
            assertThat(ended.getLong(1)).as("sessions ended").isPositive();
        }
    }

    @Test
    void unknownEndpointIsNotFound() {
        assertThatThrownBy(() -> monitoring.getModelMetrics(
                GetModelMetricsRequest.newBuilder().setEndpoint("never-served").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicWithItsReason() throws Exception {
        byte[] garbage = ("not a protobuf " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.SERVING_PREDICTIONS, "garbage", garbage)).get();
        }

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(garbage, Duration.ofSeconds(30));

        assertThat(dead).as("record on %s", Topics.MONITORING_DLQ).isNotNull();
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("PredictionLogged");
    }

    private ModelMetrics awaitRequests(String endpoint, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ModelMetrics last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = monitoring.getModelMetrics(GetModelMetricsRequest.newBuilder().setEndpoint(endpoint).build());
                if (last.getRequestCount() >= expected) {
                    Thread.sleep(500); // a late duplicate would show up now
                    return monitoring.getModelMetrics(GetModelMetricsRequest.newBuilder().setEndpoint(endpoint).build());
                }
            } catch (StatusRuntimeException notYet) {
                // NOT_FOUND until the first event is counted
            }
            Thread.sleep(200);
        }
        throw new AssertionError("monitoring counted " + (last == null ? 0 : last.getRequestCount())
                + " of " + expected + " requests within " + timeout);
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(byte[] payload, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MONITORING_DLQ));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (java.util.Arrays.equals(record.value(), payload)) {
                        return record;
                    }
                }
            }
        }
        return null;
    }

    private static PredictionLogged prediction(String endpoint, double latency, String status) {
        return prediction(endpoint, latency, status, Instant.now());
    }

    private static PredictionLogged prediction(String endpoint, double latency, String status, Instant now) {
        return PredictionLogged.newBuilder()
                .setHeader(EventHeaders.newHeader("test", Projects.DEFAULT))
                .setEndpoint(endpoint)
                .setModelName("iris")
                .setModelVersion(1)
                .setRequestId(UUID.randomUUID().toString())
                .setReceivedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setLatencySeconds(latency)
                .setStatus(status)
                .setRows(8)
                .build();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer());
    }
}
