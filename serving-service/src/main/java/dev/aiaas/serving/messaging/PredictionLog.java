package dev.aiaas.serving.messaging;

import com.google.protobuf.Timestamp;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.model.InferenceOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Logs every answered or failed request to {@value Topics#SERVING_PREDICTIONS} off the
 * request's path, through the {@code predictions} channel: the caller only hands the event
 * to the emitter's bounded buffer ({@code mp.messaging.emitter.default-buffer-size}); the
 * Kafka connector sends it, with the caller's trace context in the record's headers. A full
 * buffer (Kafka down for long) drops the event and counts it in
 * {@code aiaas_serving_prediction_log_dropped_total} rather than slowing inference; a send
 * that fails is counted in {@code aiaas_serving_prediction_log_failed_total}.
 */
@ApplicationScoped
public class PredictionLog {

    @Inject
    ServingConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    @Channel("predictions")
    @OnOverflow(OnOverflow.Strategy.BUFFER)
    Emitter<byte[]> emitter;

    private Counter dropped;
    private Counter failed;

    @PostConstruct
    void meters() {
        dropped = meters.counter("aiaas_serving_prediction_log_dropped_total");
        failed = meters.counter("aiaas_serving_prediction_log_failed_total");
    }

    /** Logs a request that was answered. Never blocks. */
    public void answered(String endpoint, String requestId, Instant received, double latencySeconds,
            InferenceOutcome outcome) {
        PredictionLogged.Builder event = base(endpoint, requestId, received, latencySeconds, "OK")
                .setModelName(outcome.modelName()).setModelVersion(outcome.version()).setRows(outcome.rows());
        for (int c : outcome.predictedClasses()) {
            event.addPredictedClasses(c);
        }
        if (outcome.rawFeatures() != null && ThreadLocalRandom.current().nextDouble() < config.featureSampleRate()) {
            event.addAllFeatureNames(outcome.featureNames()).setFeatureCount(outcome.featureNames().size());
            for (double value : outcome.rawFeatures()) {
                event.addFeatures(value);
            }
            if (outcome.profile() != null) {
                event.setBaselineProfile(ArtifactRef.newBuilder().setRole("profile")
                        .setKey(outcome.profile().key()).setSha256(outcome.profile().sha256()));
            }
        }
        send(endpoint, event.build());
    }

    /** Logs a request that failed with {@code status} (a gRPC code name). Never blocks. */
    public void failed(String endpoint, String requestId, Instant received, double latencySeconds, String status) {
        send(endpoint, base(endpoint, requestId, received, latencySeconds, status).build());
    }

    private PredictionLogged.Builder base(String endpoint, String requestId, Instant received, double latency,
            String status) {
        return PredictionLogged.newBuilder()
                .setHeader(EventHeaders.newHeader("serving-service"))
                .setEndpoint(endpoint)
                .setRequestId(requestId.isEmpty() ? UUID.randomUUID().toString() : requestId)
                .setReceivedAt(Timestamp.newBuilder().setSeconds(received.getEpochSecond()).setNanos(received.getNano()))
                .setLatencySeconds(latency)
                .setStatus(status);
    }

    private void send(String endpoint, PredictionLogged event) {
        Message<byte[]> message = Message.of(event.toByteArray(), () -> CompletableFuture.completedFuture(null),
                        failure -> {
                            failed.increment();
                            return CompletableFuture.completedFuture(null);
                        })
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(endpoint).build());
        try {
            emitter.send(message);
        } catch (RuntimeException full) { // the buffer is full, or the channel is down
            dropped.increment();
        }
    }
}
