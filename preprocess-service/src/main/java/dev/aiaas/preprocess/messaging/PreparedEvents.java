package dev.aiaas.preprocess.messaging;

import dev.aiaas.errors.DomainException;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.DatasetPrepared;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Announces a prepared dataset on {@value Topics#PREPROCESS_EVENTS} through the
 * {@code prepared-events} channel (idempotent producer, trace context in the headers) and
 * waits for Kafka's acknowledgement. Preprocess keeps no database, so there is no outbox:
 * the manifest is written first, and preparing again (idempotent) re-announces after a
 * failed send. Each event's header names the project of the prepared dataset.
 */
@ApplicationScoped
public class PreparedEvents {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final String SOURCE = "preprocess-service";

    @Inject
    @Channel("prepared-events")
    Emitter<byte[]> emitter;

    /** Announces {@code dataset} v{@code version} of {@code project}, prepared under {@code prefix}; waits for Kafka. */
    public void prepared(String project, String dataset, long version, String pipeline, String prefix) {
        DatasetPrepared event = DatasetPrepared.newBuilder()
                .setHeader(EventHeaders.newHeader(SOURCE, project))
                .setDataset(dataset)
                .setDatasetVersion(version)
                .setPipeline(pipeline)
                .setPrefix(prefix)
                .build();
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<byte[]> message = Message.of(event.toByteArray(), () -> {
            acknowledged.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acknowledged.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(dataset).build());
        try {
            emitter.send(message);
            acknowledged.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw DomainException.unavailable("dataset " + dataset + " v" + version
                    + " is prepared but Kafka did not take the event; prepare again to re-announce it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.unavailable("interrupted while announcing the prepared dataset", e);
        }
    }
}
