package dev.aiaas.monitoring;

import com.google.protobuf.Timestamp;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.GetModelMetricsRequest;
import dev.aiaas.proto.monitoring.v1.GetModelQualityRequest;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import dev.aiaas.proto.monitoring.v1.ModelQuality;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.testing.RealServers;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Answered requests as serving logs them, ground truth as a client sends it, and waiting for what
 * monitoring makes of them.
 */
final class AnsweredRequests {

    private AnsweredRequests() {
    }

    /** A classifier's answer: the class index of each row, with its label name when {@code names} is given. */
    static PredictionLogged classified(String project, String endpoint, String requestId, long version, Instant at,
            int[] classes, List<String> names) {
        PredictionLogged.Builder event = answered(project, endpoint, requestId, "iris", version, at, classes.length);
        for (int c : classes) {
            event.addPredictedClasses(c);
            if (!names.isEmpty()) {
                event.addPredictedLabels(names.get(c));
            }
        }
        return event.build();
    }

    /** A regression model's answer: {@code width} values per row, row-major. */
    static PredictionLogged regressed(String project, String endpoint, String requestId, Instant at, int width,
            float... values) {
        PredictionLogged.Builder event = answered(project, endpoint, requestId, "load", 1, at, values.length / width)
                .setPredictedWidth(width);
        for (float value : values) {
            event.addPredictedValues(value);
        }
        return event.build();
    }

    private static PredictionLogged.Builder answered(String project, String endpoint, String requestId, String model,
            long version, Instant at, int rows) {
        return PredictionLogged.newBuilder().setHeader(EventHeaders.newHeader("test", project)).setEndpoint(endpoint)
                .setModelName(model).setModelVersion(version).setRequestId(requestId).setStatus("OK")
                .setLatencySeconds(0.003).setRows(rows)
                .setReceivedAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()));
    }

    /** A classifier's true labels of a request, by name. */
    static GroundTruth labels(String endpoint, String requestId, String... labels) {
        return GroundTruth.newBuilder().setEndpoint(endpoint).setRequestId(requestId)
                .addAllLabels(Arrays.asList(labels)).build();
    }

    /** A regression model's true values of a request, row-major. */
    static GroundTruth values(String endpoint, String requestId, double... values) {
        GroundTruth.Builder truth = GroundTruth.newBuilder().setEndpoint(endpoint).setRequestId(requestId);
        for (double value : values) {
            truth.addValues(value);
        }
        return truth.build();
    }

    /** The label names of {@code classes}. */
    static String[] named(int[] classes, List<String> names) {
        return Arrays.stream(classes).mapToObj(names::get).toArray(String[]::new);
    }

    static String requestId() {
        return "req-" + UUID.randomUUID();
    }

    /** Waits until monitoring counted {@code requests} requests of the endpoint, so their answers are kept. */
    static void awaitCounted(MonitoringServiceBlockingStub monitoring, String endpoint, long requests)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (monitoring.getModelMetrics(GetModelMetricsRequest.newBuilder().setEndpoint(endpoint).build())
                        .getRequestCount() >= requests) {
                    return;
                }
            } catch (StatusRuntimeException notYet) {
                // NOT_FOUND until the first record is counted
            }
            Thread.sleep(200);
        }
        throw new AssertionError("monitoring did not count " + requests + " requests of " + endpoint);
    }

    /** The endpoint's quality over the last day in windows of a minute, once {@code ready} holds. */
    static ModelQuality awaitQuality(MonitoringServiceBlockingStub monitoring, String endpoint,
            Predicate<ModelQuality> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ModelQuality last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = quality(monitoring, endpoint);
                if (ready.test(last)) {
                    return last;
                }
            } catch (StatusRuntimeException notYet) {
                // NOT_FOUND until the first prediction is counted
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the quality of " + endpoint + " never got there; the last: " + last);
    }

    static ModelQuality quality(MonitoringServiceBlockingStub monitoring, String endpoint) {
        Instant now = Instant.now();
        return monitoring.getModelQuality(GetModelQualityRequest.newBuilder().setEndpoint(endpoint)
                .setStartTime(Timestamp.newBuilder().setSeconds(now.minus(Duration.ofDays(1)).getEpochSecond()))
                .setEndTime(Timestamp.newBuilder().setSeconds(now.plusSeconds(60).getEpochSecond()))
                .setWindowSeconds(60).build());
    }

    /** Whether the report judged {@code requests} requests in all, over every version. */
    static Predicate<ModelQuality> judged(long requests) {
        return quality -> quality.getTotalsList().stream().mapToLong(v -> v.getRequestCount()).sum() >= requests;
    }

    /**
     * The letters on {@code topic} whose values are {@code payloads}, once all have arrived or
     * {@code timeout} has passed, by value (as a list of bytes, for lookup).
     */
    static Map<List<Byte>, ConsumerRecord<String, byte[]>> deadLetters(String topic, Collection<byte[]> payloads,
            Duration timeout) {
        Map<List<Byte>, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        List<List<Byte>> wanted = payloads.stream().map(AnsweredRequests::bytes).toList();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && found.size() < wanted.size()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    List<Byte> value = bytes(record.value());
                    if (wanted.contains(value)) {
                        found.put(value, record);
                    }
                }
            }
        }
        return found;
    }

    static List<Byte> bytes(byte[] value) {
        List<Byte> bytes = new ArrayList<>(value.length);
        for (byte b : value) {
            bytes.add(b);
        }
        return bytes;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Produces records to the prediction log, each acknowledged before the next. */
    static void log(List<PredictionLogged> events) throws Exception {
        LoggedPredictions.send(events);
    }
}
