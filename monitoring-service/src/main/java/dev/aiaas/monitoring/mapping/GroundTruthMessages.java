package dev.aiaas.monitoring.mapping;

import dev.aiaas.monitoring.model.GroundTruth;
import java.time.Instant;

/**
 * Ground truth from the wire, as the RPC and the feedback topic both carry it
 * ({@code aiaas.monitoring.v1.GroundTruth}): an unset time is null, left for the intake to read as
 * the time it arrived.
 */
public final class GroundTruthMessages {

    private GroundTruthMessages() {
    }

    public static GroundTruth toDomain(dev.aiaas.proto.monitoring.v1.GroundTruth message) {
        Instant observed = message.hasObservedAt()
                ? Instant.ofEpochSecond(message.getObservedAt().getSeconds(), message.getObservedAt().getNanos())
                : null;
        return new GroundTruth(message.getEndpoint(), message.getRequestId(), message.getLabelsList(),
                message.getValuesList().stream().mapToDouble(Double::doubleValue).toArray(), observed);
    }
}
