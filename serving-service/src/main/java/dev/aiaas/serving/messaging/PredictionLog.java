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
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Logs every answered request to {@value Topics#SERVING_PREDICTIONS} off the request's
 * path: the request thread only puts the event on a bounded queue; one background thread
 * hands it to Kafka. A full queue (Kafka down for long) drops events and counts them in
 * {@code aiaas_serving_prediction_log_dropped_total} rather than slowing inference.
 */
@ApplicationScoped
public class PredictionLog {

    @Inject
    ServingConfig config;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private BlockingQueue<ProducerRecord<String, byte[]>> queue;
    private Producer<String, byte[]> producer;
    private Thread sender;
    private Counter dropped;
    private Counter failed;
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        queue = new ArrayBlockingQueue<>(config.predictionLogQueue());
        dropped = meters.counter("aiaas_serving_prediction_log_dropped_total");
        failed = meters.counter("aiaas_serving_prediction_log_failed_total");
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "serving-prediction-log",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ACKS_CONFIG, "1"), new StringSerializer(), new ByteArraySerializer());
        running = true;
        sender = new Thread(this::drain, "prediction-log");
        sender.setDaemon(true);
        sender.start();
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
        offer(endpoint, event.build());
    }

    /** Logs a request that failed with {@code status} (a gRPC code name). Never blocks. */
    public void failed(String endpoint, String requestId, Instant received, double latencySeconds, String status) {
        offer(endpoint, base(endpoint, requestId, received, latencySeconds, status).build());
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

    private void offer(String endpoint, PredictionLogged event) {
        if (!queue.offer(new ProducerRecord<>(Topics.SERVING_PREDICTIONS, endpoint, event.toByteArray()))) {
            dropped.increment();
        }
    }

    private void drain() {
        while (running || !queue.isEmpty()) {
            try {
                ProducerRecord<String, byte[]> record = queue.poll(100, TimeUnit.MILLISECONDS);
                if (record != null) {
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            failed.increment();
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed.increment();
            }
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (sender != null) {
            sender.join(5_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
