package dev.aiaas.serving.messaging;

import com.google.protobuf.Timestamp;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.model.InferenceOutcome;
import dev.aiaas.serving.model.RawSample;
import dev.aiaas.serving.model.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Logs every answered or failed request to {@value Topics#SERVING_PREDICTIONS} off the
 * request's path, each event with the version it was routed to and that version's role
 * (champion, challenger, or shadow for the copy a shadow answered), and with its endpoint's
 * project in its header (monitoring keeps each
 * project's windows apart by it): the caller only puts what happened on a bounded queue
 * ({@code serving.prediction-log-queue}); one background thread builds the event and hands it
 * to the {@code predictions} channel's emitter (its own bounded buffer,
 * {@code mp.messaging.emitter.default-buffer-size}), with the request's trace context, which
 * the Kafka connector writes into the record's headers. A full queue or buffer (Kafka down
 * for long) drops the event and counts it in {@code aiaas_serving_prediction_log_dropped_total}
 * rather than slowing inference; a send that fails is counted in
 * {@code aiaas_serving_prediction_log_failed_total}. Measured: building and emitting the event
 * on the model's worker thread took a sixth of serving's CPU.
 */
@ApplicationScoped
public class PredictionLog {

    private static final String SOURCE = "serving-service";

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
    private BlockingQueue<Entry> entries;
    private volatile boolean running;
    private Thread sender;

    /**
     * What a request left to log, and the trace it belongs to; the event is built off its path.
     * {@code model} and {@code version} name the version the request was routed to (empty and 0
     * when it failed before one was chosen).
     */
    private record Entry(String project, String endpoint, String requestId, Instant received, double latencySeconds,
            InferenceOutcome outcome, String status, Role role, String model, long version, Context trace) {
    }

    void start(@Observes StartupEvent event) {
        dropped = meters.counter("aiaas_serving_prediction_log_dropped_total");
        failed = meters.counter("aiaas_serving_prediction_log_failed_total");
        entries = new ArrayBlockingQueue<>(config.predictionLogQueue());
        running = true;
        sender = new Thread(this::drain, "prediction-log");
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Logs a request that {@code project}'s endpoint answered through its version in {@code role}
     * (a shadow's answer is logged here only). Never blocks.
     */
    public void answered(String project, String endpoint, String requestId, Instant received, double latencySeconds,
            InferenceOutcome outcome, Role role) {
        offer(new Entry(project, endpoint, requestId, received, latencySeconds, outcome, "OK", role,
                outcome.modelName(), outcome.version(), Context.current()));
    }

    /**
     * Logs a request to {@code project}'s endpoint that failed with {@code status} (a gRPC code
     * name) at {@code model} v{@code version} in {@code role}. Never blocks.
     */
    public void failed(String project, String endpoint, String requestId, Instant received, double latencySeconds,
            String status, Role role, String model, long version) {
        offer(new Entry(project, endpoint, requestId, received, latencySeconds, null, status, role, model, version,
                Context.current()));
    }

    private void offer(Entry entry) {
        if (entries != null && !entries.offer(entry)) { // null only before start-up ends
            dropped.increment();
        }
    }

    private void drain() {
        while (running || !entries.isEmpty()) {
            try {
                Entry entry = entries.poll(100, TimeUnit.MILLISECONDS);
                if (entry != null) {
                    send(entry.endpoint(), event(entry), entry.trace());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed.increment();
            }
        }
    }

    private PredictionLogged event(Entry entry) {
        if (entry.outcome() == null) {
            return base(entry, entry.status()).build();
        }
        return answeredEvent(entry, entry.outcome());
    }

    private PredictionLogged answeredEvent(Entry entry, InferenceOutcome outcome) {
        PredictionLogged.Builder event = base(entry, "OK").setRows(outcome.rows());
        List<String> labels = outcome.classLabels();
        for (int c : outcome.predictedClasses()) {
            event.addPredictedClasses(c).addPredictedLabels(c < labels.size() ? labels.get(c) : Integer.toString(c));
        }
        if (outcome.predictedClasses().length == 0) {
            // every answer but a classifier's (trained here) is values: a recommender's k scores per row
            // (the event has no field for item ids), an uploaded model's first output
            event.setPredictedWidth(outcome.width());
            for (float value : outcome.outputs()) {
                event.addPredictedValues(value);
            }
            for (boolean anomaly : outcome.anomalies()) {
                event.addAnomalies(anomaly);
            }
        }
        RawSample sample = outcome.sample();
        if (sample != null && ThreadLocalRandom.current().nextDouble() < config.featureSampleRate()) {
            event.addAllFeatureNames(sample.names()).setFeatureCount(sample.names().size());
            for (double value : sample.numbers()) {
                event.addFeatures(value);
            }
            event.addAllCategoricalNames(sample.categoricalNames()).setCategoricalCount(sample.categoricalNames().size())
                    .addAllCategoricalFeatures(Arrays.asList(sample.categories()));
            if (outcome.profile() != null) {
                event.setBaselineProfile(ArtifactRef.newBuilder().setRole("profile")
                        .setKey(outcome.profile().key()).setSha256(outcome.profile().sha256()));
            }
        }
        return event.build();
    }

    private PredictionLogged.Builder base(Entry entry, String status) {
        Instant received = entry.received();
        return PredictionLogged.newBuilder()
                .setHeader(EventHeaders.newHeader(SOURCE, entry.project()))
                .setEndpoint(entry.endpoint())
                .setRequestId(entry.requestId())
                .setReceivedAt(Timestamp.newBuilder().setSeconds(received.getEpochSecond()).setNanos(received.getNano()))
                .setLatencySeconds(entry.latencySeconds())
                .setStatus(status)
                .setModelName(entry.model())
                .setModelVersion(entry.version())
                .setRole(entry.role().label());
    }

    private void send(String endpoint, PredictionLogged event, Context trace) {
        Message<byte[]> message = Message.of(event.toByteArray(), () -> CompletableFuture.completedFuture(null),
                        failure -> {
                            failed.increment();
                            return CompletableFuture.completedFuture(null);
                        })
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(endpoint).build())
                .addMetadata(TracingMetadata.withCurrent(trace)); // the parent of the publish span: the request's
        try {
            emitter.send(message);
        } catch (RuntimeException full) { // the buffer is full, or the channel is down
            dropped.increment();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (sender != null) {
            sender.join(5_000);
        }
    }
}
