package dev.aiaas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import com.sun.net.httpserver.HttpServer;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.AlertChanged;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.Alert;
import dev.aiaas.proto.monitoring.v1.AlertKind;
import dev.aiaas.proto.monitoring.v1.AlertRule;
import dev.aiaas.proto.monitoring.v1.AlertRules;
import dev.aiaas.proto.monitoring.v1.AlertState;
import dev.aiaas.proto.monitoring.v1.GetAlertRulesRequest;
import dev.aiaas.proto.monitoring.v1.ListAlertsRequest;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc;
import dev.aiaas.proto.monitoring.v1.SetAlertRulesRequest;
import dev.aiaas.proto.monitoring.v1.WatchAlertsRequest;
import dev.aiaas.testing.RealServers;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@TestProfile(AlertsTest.FastAlerts.class)
class AlertsTest {

    /** Evaluations every second over 1 s windows, and a webhook receiver on a free local port. */
    public static class FastAlerts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("monitoring.stored-window", "1s",
                    "monitoring.alerts.interval", "1s",
                    "monitoring.alerts.window", "2s",
                    "monitoring.alerts.webhook-backoff", "200ms",
                    "monitoring.alerts.webhook-url", "http://127.0.0.1:" + freePort() + "/hook");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @GrpcClient("monitoring")
    Channel channel;

    @ConfigProperty(name = "monitoring.alerts.webhook-url")
    URI webhook;

    @Test
    void aSlowEndpointFiresAfterBreachingEvaluationsAndResolvesAfterClearOnesOnEveryChannel() throws Exception {
        String endpoint = LoggedPredictions.endpoint("slow");
        BlockingQueue<JsonNode> posted = new LinkedBlockingQueue<>();
        HttpServer receiver = receiver(posted);
        BlockingQueue<AlertChanged> watched = new LinkedBlockingQueue<>();
        try (KafkaConsumer<String, byte[]> topic = alertTopicFromNow()) {
            AlertRules set = monitoring.setAlertRules(SetAlertRulesRequest.newBuilder().setEndpoint(endpoint)
                    .addRules(AlertRule.newBuilder().setName("slow-p99").setKind(AlertKind.LATENCY_P99)
                            .setThreshold(0.05).setSeverity("critical"))
                    .build());
            assertThat(set.getRules(0).getForEvaluations()).isEqualTo(2);
            assertThat(set.getRules(0).getClearEvaluations()).isEqualTo(2);
            assertThat(monitoring.getAlertRules(GetAlertRulesRequest.newBuilder().setEndpoint(endpoint).build()))
                    .isEqualTo(set);
            MonitoringServiceGrpc.newStub(channel).watchAlerts(WatchAlertsRequest.newBuilder().setEndpoint(endpoint).build(), into(watched));

            AlertChanged fired = sendUntil(endpoint, 0.2, watched);
            assertThat(fired.getStatus()).isEqualTo(AlertChanged.Status.FIRING);
            assertThat(fired.getValue()).isGreaterThan(0.05);
            assertThat(fired.getDescription()).contains("p99 latency").contains("0.0500 s");
            Alert firing = only(list(endpoint, AlertState.FIRING));
            assertThat(firing.getId()).isEqualTo(fired.getAlertId());
            assertThat(firing.hasEndsAt()).isFalse();

            AlertChanged resolved = sendUntil(endpoint, 0.002, watched);
            assertThat(resolved.getStatus()).isEqualTo(AlertChanged.Status.RESOLVED);
            assertThat(resolved.getAlertId()).isEqualTo(fired.getAlertId());
            assertThat(resolved.getValue()).isLessThanOrEqualTo(0.05);
            Alert past = only(list(endpoint, AlertState.RESOLVED));
            assertThat(past.getFiredValue()).isGreaterThan(0.05);
            assertThat(past.getResolvedValue()).isLessThanOrEqualTo(0.05);
            assertThat(past.getEndsAt().getSeconds()).isGreaterThanOrEqualTo(past.getStartsAt().getSeconds());
            assertThat(list(endpoint, AlertState.FIRING)).isEmpty();

            List<AlertChanged> published = awaitPublished(topic, endpoint, 2);
            assertThat(published).extracting(AlertChanged::getStatus)
                    .containsExactly(AlertChanged.Status.FIRING, AlertChanged.Status.RESOLVED);
            assertThat(published).extracting(AlertChanged::getAlertId).containsOnly(fired.getAlertId());
            assertThat(published.get(0).getHeader().getProject()).isEqualTo(Projects.DEFAULT);

            JsonNode firingPost = posted.poll(30, TimeUnit.SECONDS);
            JsonNode resolvedPost = posted.poll(30, TimeUnit.SECONDS);
            assertThat(firingPost).as("the webhook's firing post").isNotNull();
            assertThat(resolvedPost).as("the webhook's resolved post").isNotNull();
            assertThat(firingPost.get("version").asText()).isEqualTo("4");
            assertThat(firingPost.get("status").asText()).isEqualTo("firing");
            JsonNode alert = firingPost.get("alerts").get(0);
            assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("slow-p99");
            assertThat(alert.get("labels").get("endpoint").asText()).isEqualTo(endpoint);
            assertThat(alert.get("labels").get("project").asText()).isEqualTo(Projects.DEFAULT);
            assertThat(alert.get("labels").get("severity").asText()).isEqualTo("critical");
            assertThat(alert.get("annotations").get("description").asText()).contains("p99 latency");
            assertThat(Instant.parse(alert.get("startsAt").asText()).getEpochSecond())
                    .isEqualTo(firing.getStartsAt().getSeconds());
            assertThat(alert.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
            assertThat(resolvedPost.get("status").asText()).isEqualTo("resolved");
            assertThat(Instant.parse(resolvedPost.get("alerts").get(0).get("endsAt").asText()).getEpochSecond())
                    .isEqualTo(past.getEndsAt().getSeconds());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aWatcherSeesTheAlertsAlreadyFiringFirst() throws Exception {
        String endpoint = LoggedPredictions.endpoint("failing");
        monitoring.setAlertRules(SetAlertRulesRequest.newBuilder().setEndpoint(endpoint)
                .addRules(AlertRule.newBuilder().setName("errors").setKind(AlertKind.ERROR_RATE).setThreshold(0.5)
                        .setForEvaluations(1))
                .build());
        BlockingQueue<AlertChanged> first = new LinkedBlockingQueue<>();
        MonitoringServiceGrpc.newStub(channel).watchAlerts(WatchAlertsRequest.newBuilder().setEndpoint(endpoint).build(), into(first));
        AlertChanged fired = sendUntil(endpoint, 0.002, "INTERNAL", first);

        BlockingQueue<AlertChanged> late = new LinkedBlockingQueue<>();
        MonitoringServiceGrpc.newStub(channel).watchAlerts(WatchAlertsRequest.newBuilder().setEndpoint(endpoint).build(), into(late));

        AlertChanged shown = late.poll(10, TimeUnit.SECONDS);
        assertThat(shown).isNotNull();
        assertThat(shown.getAlertId()).isEqualTo(fired.getAlertId());
        assertThat(shown.getStatus()).isEqualTo(AlertChanged.Status.FIRING);
    }

    @Test
    void rulesThatCannotBeReadAreRefusedWithTheReason() {
        assertThatThrownBy(() -> monitoring.setAlertRules(SetAlertRulesRequest.newBuilder().setEndpoint("iris")
                .addRules(AlertRule.newBuilder().setName("worse").setKind(AlertKind.ACCURACY).setThreshold(0.05)
                        .setBaselineAccuracy(1.5))
                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("baseline_accuracy");
                });
        assertThatThrownBy(() -> monitoring.setAlertRules(SetAlertRulesRequest.newBuilder().setEndpoint("iris")
                .addRules(AlertRule.newBuilder().setName("a").setKind(AlertKind.DRIFT))
                .addRules(AlertRule.newBuilder().setName("a").setKind(AlertKind.DRIFT))
                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getDescription()).contains("named 'a'"));
    }

    /** Logs a request to the endpoint every 200 ms until the watch shows an alert change. */
    private static AlertChanged sendUntil(String endpoint, double latency, BlockingQueue<AlertChanged> watched)
            throws Exception {
        return sendUntil(endpoint, latency, "OK", watched);
    }

    private static AlertChanged sendUntil(String endpoint, double latency, String status,
            BlockingQueue<AlertChanged> watched) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            while (System.nanoTime() < deadline) {
                Instant now = Instant.now();
                PredictionLogged event = PredictionLogged.newBuilder()
                        .setHeader(EventHeaders.newHeader("test", Projects.DEFAULT)).setEndpoint(endpoint)
                        .setModelName("m").setModelVersion(1).setStatus(status).setLatencySeconds(latency)
                        .setRows(1).setRequestId(UUID.randomUUID().toString())
                        .setReceivedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                        .build();
                producer.send(new ProducerRecord<>(Topics.SERVING_PREDICTIONS, endpoint, event.toByteArray())).get();
                AlertChanged change = watched.poll(200, TimeUnit.MILLISECONDS);
                if (change != null) {
                    return change;
                }
            }
        }
        throw new AssertionError("no alert change for " + endpoint + " within 45 s");
    }

    private List<Alert> list(String endpoint, AlertState state) {
        return monitoring.listAlerts(ListAlertsRequest.newBuilder().setEndpoint(endpoint).setState(state).build())
                .getAlertsList();
    }

    private static Alert only(List<Alert> alerts) {
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }

    private static StreamObserver<AlertChanged> into(BlockingQueue<AlertChanged> queue) {
        return new StreamObserver<>() {
            @Override
            public void onNext(AlertChanged value) {
                queue.add(value);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        };
    }

    private HttpServer receiver(BlockingQueue<JsonNode> posted) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", webhook.getPort()), 0);
        server.createContext(webhook.getPath(), exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                posted.add(JSON.readTree(body));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static KafkaConsumer<String, byte[]> alertTopicFromNow() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "alerts-test-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.MONITORING_ALERTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any alert is published
        return consumer;
    }

    private static List<AlertChanged> awaitPublished(KafkaConsumer<String, byte[]> consumer, String endpoint,
            int count) throws Exception {
        List<AlertChanged> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (endpoint.equals(record.key())) {
                    found.add(AlertChanged.parseFrom(record.value()));
                }
            }
        }
        return found;
    }
}
