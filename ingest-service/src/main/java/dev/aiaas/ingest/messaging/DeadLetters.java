package dev.aiaas.ingest.messaging;

import dev.aiaas.events.KafkaProducers;
import dev.aiaas.events.Topics;
import dev.aiaas.ingest.config.IngestConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes refused records to {@value Topics#INGEST_DLQ}: key, value and headers unchanged,
 * plus {@value Topics#DLQ_REASON_HEADER} (why) and {@value Topics#DLQ_SOURCE_TOPIC_HEADER}.
 * {@link #send} returns only once Kafka has acknowledged the write, so the caller may then
 * let the input's offset be committed.
 */
@ApplicationScoped
public class DeadLetters {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @Inject
    IngestConfig config;

    private volatile Producer<String, byte[]> producer;

    /** @throws IllegalStateException when Kafka did not acknowledge the write (the record must not be acked) */
    public void send(ConsumerRecord<String, byte[]> refused, String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.INGEST_DLQ, refused.key(), refused.value());
        for (Header header : refused.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add(Topics.DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(Topics.DLQ_SOURCE_TOPIC_HEADER, refused.topic().getBytes(StandardCharsets.UTF_8));
        Duration timeout = config.records().deadLetterTimeout();
        try {
            producer().send(letter).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + refused.topic() + "-" + refused.partition() + "@"
                    + refused.offset() + " within " + timeout + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering a record", e);
        }
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = KafkaProducers.idempotent(bootstrapServers, applicationName + "-dlq");
                }
                current = producer;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
