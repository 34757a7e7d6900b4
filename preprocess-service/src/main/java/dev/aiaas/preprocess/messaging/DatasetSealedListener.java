package dev.aiaas.preprocess.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.quarkus.ConsumedRecords;
import dev.aiaas.preprocess.mapping.PipelineSpecs;
import dev.aiaas.preprocess.service.Preparation;
import dev.aiaas.preprocess.storage.SealReceipts;
import dev.aiaas.proto.events.v1.DatasetVersionSealed;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Records every committed seal (the event is sent only after ingest's transaction committed)
 * and prepares the version with the default pipeline, both in the project the event's header
 * names (a version of "beta" is received and prepared under beta's keys only). Both are idempotent, so a redelivered
 * event changes nothing; an event that cannot be prepared goes to the dead-letter topic with
 * the reason, and one that meets an outage (the object store away) waits for it to pass
 * ({@link ConsumedRecords}).
 */
@ApplicationScoped
public class DatasetSealedListener {

    @Inject
    SealReceipts receipts;

    @Inject
    Preparation preparation;

    @Incoming("dataset-sealed")
    @Blocking
    public CompletionStage<Void> onSealed(Message<byte[]> record) {
        return ConsumedRecords.take(record, "preparing a sealed version", this::prepare);
    }

    private void prepare(byte[] payload) {
        DatasetVersionSealed event = parse(payload);
        String project = EventHeaders.project(event.getHeader());
        receipts.record(project, event);
        preparation.prepare(PipelineSpecs.defaults(project, event.getDataset(), event.getVersion()));
    }

    private static DatasetVersionSealed parse(byte[] payload) {
        try {
            return DatasetVersionSealed.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("record is not an aiaas.events.v1.DatasetVersionSealed: " + e.getMessage(), e);
        }
    }
}
