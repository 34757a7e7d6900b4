package dev.aiaas.monitoring.model;

import java.time.Instant;

/** One served request as the prediction log reports it. */
public record Prediction(
        String eventId,
        String endpoint,
        Instant receivedAt,
        double latencySeconds,
        boolean failed,
        int rows) {
}
