package dev.aiaas.preprocess.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.preprocess.model.PreparationRequest;
import dev.aiaas.preprocess.service.Preparation;
import dev.aiaas.proto.events.v1.DatasetVersionSealed;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Prepares every newly sealed dataset version with the default pipeline. Preparing is
 * idempotent, so a redelivered event changes nothing; an event that cannot be prepared
 * goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class DatasetSealedListener {

    @Inject
    Preparation preparation;

    @Incoming("dataset-sealed")
    @Blocking
    public void onSealed(byte[] payload) {
        DatasetVersionSealed event = parse(payload);
        preparation.prepare(new PreparationRequest(event.getDataset(), event.getVersion(),
                PreparationRequest.DEFAULT_PIPELINE, List.of(), PreparationRequest.DEFAULT_SPLIT));
    }

    private static DatasetVersionSealed parse(byte[] payload) {
        try {
            return DatasetVersionSealed.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("record is not an aiaas.events.v1.DatasetVersionSealed: " + e.getMessage(), e);
        }
    }
}
