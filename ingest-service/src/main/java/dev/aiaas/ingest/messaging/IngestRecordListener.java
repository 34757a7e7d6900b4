package dev.aiaas.ingest.messaging;

import dev.aiaas.events.Topics;
import dev.aiaas.ingest.config.IngestConfig;
import dev.aiaas.ingest.service.RecordIntake;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes records from {@value Topics#INGEST_RECORDS} into datasets' open data. A valid record
 * is stored; one that cannot be read, names an unknown dataset or breaks the schema goes to
 * the dead-letter topic with the reason, and so does a valid one the database would not take
 * after a few attempts. Either way the method returns only after the store or the
 * dead-letter write succeeded, and only then is the offset committed: nothing is dropped.
 */
@ApplicationScoped
public class IngestRecordListener {

    private static final Logger LOG = Logger.getLogger(IngestRecordListener.class);

    @Inject
    RecordIntake intake;

    @Inject
    DeadLetters deadLetters;

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry meters;

    @Incoming("ingest-records")
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Optional<String> refusal;
        try {
            IngestRecordDecoder.Decoded decoded = IngestRecordDecoder.decode(record.key(), record.value());
            refusal = store(decoded);
        } catch (IllegalArgumentException e) {
            refusal = Optional.of(e.getMessage());
        }
        if (refusal.isPresent()) {
            deadLetters.send(record, refusal.get());
        }
        meters.counter("aiaas_ingest_kafka_records_total", "outcome", refusal.isPresent() ? "dead_lettered" : "stored")
                .increment();
    }

    /** Stores a readable record, retrying database failures; why it was refused otherwise. */
    private Optional<String> store(IngestRecordDecoder.Decoded decoded) throws InterruptedException {
        long backoff = config.records().retryBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return intake.acceptOne(decoded.dataset(), decoded.fields());
            } catch (RuntimeException e) {
                if (attempt >= config.records().storeAttempts()) {
                    return Optional.of("valid, but not stored after " + attempt + " attempts (" + e.getMessage()
                            + "): replay this record once the service's database is back");
                }
                LOG.warnf("storing a record of dataset %s failed (attempt %d, retrying in %d ms): %s",
                        decoded.dataset(), attempt, backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff *= 2;
            }
        }
    }
}
