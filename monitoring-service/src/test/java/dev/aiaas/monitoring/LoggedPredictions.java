package dev.aiaas.monitoring;

import com.google.protobuf.Timestamp;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.GetDriftReportRequest;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.testing.RealServers;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Prediction log records as serving sends them, and waiting for the drift report they lead to. */
final class LoggedPredictions {

    private LoggedPredictions() {
    }

    /** A successful request to {@code endpoint} of the default project, served by model "m" v1 with {@code profile}. */
    static PredictionLogged.Builder request(String endpoint, ArtifactRef profile) {
        return PredictionLogged.newBuilder()
                .setHeader(EventHeaders.newHeader("test", Projects.DEFAULT)).setEndpoint(endpoint)
                .setModelName("m").setModelVersion(1).setStatus("OK").setLatencySeconds(0.002)
                .setRequestId(UUID.randomUUID().toString())
                .setReceivedAt(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()))
                .setBaselineProfile(profile);
    }

    /** Sends the records in order, each acknowledged before the next. */
    static void send(List<PredictionLogged> events) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (PredictionLogged event : events) {
                producer.send(new ProducerRecord<>(Topics.SERVING_PREDICTIONS, event.getEndpoint(),
                        event.toByteArray())).get();
            }
        }
    }

    /** The endpoint's drift report, once it covers at least {@code rows} rows and {@code ready} holds. */
    static DriftReport awaitReport(MonitoringServiceBlockingStub monitoring, String endpoint, long rows,
            Predicate<DriftReport> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        DriftReport last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = monitoring.getDriftReport(GetDriftReportRequest.newBuilder().setEndpoint(endpoint).build());
                if (last.getSampleCount() >= rows && ready.test(last)) {
                    return last;
                }
            } catch (StatusRuntimeException notYet) {
                // NOT_FOUND until the first sample is stored
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no drift report over " + rows + " rows for " + endpoint + "; the last: " + last);
    }

    static String endpoint(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
