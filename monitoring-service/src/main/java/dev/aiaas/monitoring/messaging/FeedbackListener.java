package dev.aiaas.monitoring.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.Topics;
import dev.aiaas.events.quarkus.ConsumedRecords;
import dev.aiaas.monitoring.mapping.GroundTruthMessages;
import dev.aiaas.monitoring.model.GroundTruth;
import dev.aiaas.monitoring.model.GroundTruthVerdict;
import dev.aiaas.monitoring.service.GroundTruthIntake;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Takes ground truth from {@value Topics#INGEST_FEEDBACK}, produced by anyone: the value a
 * GroundTruth in protobuf binary, the key its request id, the project the {@value Projects#HEADER}
 * header's (the default project without one), read as ingest's intake reads it. A record that
 * cannot be read or that the intake refuses (see {@link GroundTruthIntake}) is nacked, and the
 * channel's dead-letter queue writes it unchanged to {@value Topics#INGEST_DLQ} with the reason in
 * {@value Topics#DLQ_REASON_HEADER}, as ingest's intake does; the same record again (a
 * redelivery) is accepted and changes nothing; while the database is away the record waits
 * ({@link ConsumedRecords}).
 */
@ApplicationScoped
public class FeedbackListener {

    @Inject
    GroundTruthIntake intake;

    @Incoming("feedback")
    @Blocking
    public CompletionStage<Void> onFeedback(Message<byte[]> record) {
        IncomingKafkaRecordMetadata<?, ?> source = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        Header header = source.getHeaders().lastHeader(Projects.HEADER);
        String project = header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8);
        Object key = source.getKey();
        return ConsumedRecords.take(record, "recording ground truth",
                payload -> record(project, key == null ? "" : key.toString(), payload));
    }

    private void record(String headerProject, String key, byte[] payload) {
        String project = project(headerProject);
        GroundTruth truth = GroundTruthMessages.toDomain(parse(payload));
        if (!key.isEmpty() && !truth.requestId().isEmpty() && !key.equals(truth.requestId())) {
            throw new FeedbackRefused("the record's key is '" + key + "' but its ground truth names request '"
                    + truth.requestId() + "': key a record by the request id it names");
        }
        GroundTruthVerdict verdict = intake.record(project, truth, GroundTruthIntake.Source.TOPIC);
        if (!verdict.isAccepted()) {
            throw new FeedbackRefused(verdict.reason());
        }
    }

    private static String project(String header) {
        if (header == null || header.isBlank()) {
            return Projects.DEFAULT;
        }
        if (!Projects.valid(header.strip())) {
            throw new FeedbackRefused("the record's " + Projects.HEADER + " header names '" + header.strip()
                    + "', not a valid project name: name the project the endpoint belongs to (or drop the header "
                    + "for the default project)");
        }
        return header.strip();
    }

    private static dev.aiaas.proto.monitoring.v1.GroundTruth parse(byte[] payload) {
        if (payload == null) {
            throw new FeedbackRefused("record on " + Topics.INGEST_FEEDBACK + " has no value: send a GroundTruth");
        }
        try {
            return dev.aiaas.proto.monitoring.v1.GroundTruth.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new FeedbackRefused("record on " + Topics.INGEST_FEEDBACK + " is not an aiaas.monitoring.v1.GroundTruth: "
                    + e.getMessage());
        }
    }

    /**
     * Why a record of the feedback topic was refused: the nack reason, which the channel's
     * dead-letter queue writes into the letter's {@value Topics#DLQ_REASON_HEADER} header.
     */
    static final class FeedbackRefused extends IllegalArgumentException {

        FeedbackRefused(String reason) {
            super(reason);
        }
    }
}
