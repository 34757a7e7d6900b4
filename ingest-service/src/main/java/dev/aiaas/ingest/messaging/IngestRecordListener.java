package dev.aiaas.ingest.messaging;

import dev.aiaas.errors.Projects;
import dev.aiaas.events.Topics;
import dev.aiaas.ingest.config.IngestConfig;
import dev.aiaas.ingest.service.ConsumedBatchStore;
import dev.aiaas.ingest.service.ConsumedRecord;
import dev.aiaas.ingest.service.RecordIntake;
import dev.aiaas.ingest.service.RecordValidator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes records from the topics of records to ingest ({@value Topics#INGEST_RECORDS} for the
 * default project, {@value Topics#INGEST_RECORDS}{@code .<project>} for any other, subscribed
 * by pattern) into datasets' open data, exactly once, one poll at a time:
 * <ol>
 * <li>every record goes into the project its topic names ({@link RecordProject}) and is decoded
 * and validated there; one whose topic names no valid project, whose {@code aiaas-project} header
 * names another project, that cannot be read, names a dataset its project does not have or breaks
 * the schema is nacked, and the channel's dead-letter queue writes it unchanged to
 * {@value Topics#INGEST_DLQ} with the reason in {@code dead-letter-reason};</li>
 * <li>once Kafka has acknowledged those letters, the valid records and each partition's new
 * position are stored in one transaction ({@link ConsumedBatchStore}), which skips records
 * already stored by an earlier delivery;</li>
 * <li>the positions are then committed to the consumer group as well, for lag monitoring.</li>
 * </ol>
 * When a step fails (the database or Kafka is down) the whole poll is retried with back-off,
 * without end: while it is retried no further records are requested, so the connector pauses
 * the partitions, and readiness ({@link IntakeFailure}) says why. A valid record is never
 * dead-lettered because of an outage.
 */
@ApplicationScoped
public class IngestRecordListener {

    private static final Logger LOG = Logger.getLogger(IngestRecordListener.class);
    private static final String CHANNEL = "ingest-records";

    @Inject
    RecordIntake intake;

    @Inject
    ConsumedBatchStore store;

    @Inject
    KafkaClientService kafka;

    @Inject
    IntakeFailure failure;

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry meters;

    private Counter storedCounter;
    private Counter deadLetteredCounter;
    private Counter redeliveredCounter;

    @PostConstruct
    void meters() {
        storedCounter = meters.counter("aiaas_ingest_kafka_records_total", "outcome", "stored");
        deadLetteredCounter = meters.counter("aiaas_ingest_kafka_records_total", "outcome", "dead_lettered");
        redeliveredCounter = meters.counter("aiaas_ingest_kafka_records_total", "outcome", "redelivered");
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onPoll(KafkaRecordBatch<String, byte[]> poll) {
        Duration backoff = config.records().retryBackoff();
        while (true) {
            try {
                take(poll);
                failure.recovered();
                return poll.ack();
            } catch (RuntimeException | ExecutionException e) {
                String problem = e instanceof ExecutionException ? String.valueOf(e.getCause()) : e.toString();
                failure.failing(problem);
                LOG.warnf("taking %d records from %s failed, retrying in %s: %s", poll.getRecords().size(),
                        poll.getLatestOffsetRecords().keySet(), backoff, problem);
            } catch (InterruptedException e) {
                return stopping();
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                return stopping();
            }
            backoff = min(backoff.multipliedBy(2), config.records().maxRetryBackoff());
        }
    }

    private void take(KafkaRecordBatch<String, byte[]> poll) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> ends = new HashMap<>();
        List<ConsumedRecord> valid = new ArrayList<>();
        List<CompletableFuture<Void>> letters = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : poll.getRecords()) {
            IncomingKafkaRecordMetadata<?, ?> source = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
            TopicPartition partition = new TopicPartition(source.getTopic(), source.getPartition());
            ends.merge(partition, source.getOffset() + 1, Math::max);
            try {
                String project = RecordProject.of(source.getTopic(), header(record, Projects.HEADER));
                IngestRecordDecoder.Decoded decoded = IngestRecordDecoder.decode(record.getKey(), record.getPayload());
                RecordValidator.Result result = intake.check(project, decoded.dataset(), decoded.fields());
                if (!result.valid()) {
                    throw new IllegalArgumentException(result.problem());
                }
                valid.add(new ConsumedRecord(partition, source.getOffset(), project, decoded.dataset(),
                        result.values()));
            } catch (IllegalArgumentException refused) {
                letters.add(record.nack(new RecordRefused(refused.getMessage())).toCompletableFuture());
            }
        }
        CompletableFuture.allOf(letters.toArray(CompletableFuture[]::new)).get();
        int stored = store.store(ends, valid);
        storedCounter.increment(stored);
        redeliveredCounter.increment(valid.size() - stored);
        deadLetteredCounter.increment(letters.size());
        commit(ends);
    }

    private static String header(KafkaRecord<String, byte[]> record, String name) {
        Header header = record.getHeaders().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Tells the consumer group where the intake stands; the database stays the truth. */
    private void commit(Map<TopicPartition, Long> ends) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        ends.forEach((partition, next) -> offsets.put(partition, new OffsetAndMetadata(next)));
        kafka.getConsumer(CHANNEL).commitAsync(offsets).subscribe().with(
                ignored -> {
                }, e -> LOG.debugf("committing offsets %s to the consumer group failed: %s", offsets, e.getMessage()));
    }

    /**
     * The service is stopping mid-retry: the poll is neither acked nor nacked (a nack would
     * dead-letter it); its partitions' positions are unchanged, so whoever takes them next
     * reads these records again.
     */
    private static CompletionStage<Void> stopping() {
        Thread.currentThread().interrupt();
        return new CompletableFuture<>();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
