package dev.aiaas.preprocess.messaging;

import dev.aiaas.errors.DomainException;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.KafkaProducers;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.DatasetPrepared;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Announces a prepared dataset on {@value Topics#PREPROCESS_EVENTS} and waits for Kafka's
 * acknowledgement. Preprocess keeps no database, so there is no outbox: the manifest is
 * written first, and preparing again (idempotent) re-announces after a failed send.
 */
@ApplicationScoped
public class PreparedEvents {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private Producer<String, byte[]> producer;

    public void prepared(String dataset, long version, String pipeline, String prefix) {
        DatasetPrepared event = DatasetPrepared.newBuilder()
                .setHeader(EventHeaders.newHeader("preprocess-service"))
                .setDataset(dataset)
                .setDatasetVersion(version)
                .setPipeline(pipeline)
                .setPrefix(prefix)
                .build();
        try {
            producer().send(new ProducerRecord<>(Topics.PREPROCESS_EVENTS, dataset, event.toByteArray()))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw DomainException.unavailable("dataset " + dataset + " v" + version
                    + " is prepared but Kafka did not take the event; prepare again to re-announce it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.unavailable("interrupted while announcing the prepared dataset", e);
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = KafkaProducers.idempotent(bootstrapServers, "preprocess-service");
        }
        return producer;
    }

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
