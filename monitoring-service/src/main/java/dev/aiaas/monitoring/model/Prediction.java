package dev.aiaas.monitoring.model;

import java.time.Instant;

/**
 * One served request as the prediction log reports it.
 *
 * @param project the endpoint's project (the event header's; "default" for a record from before projects)
 * @param version the model version that answered, and in which role (a shadow's answer reached no client)
 * @param sample its raw input rows, or null when the request was not sampled for drift
 * @param answer what the model answered, kept for ground truth; null for a failed request, or
 *               one that names no request id or logged no answer
 */
public record Prediction(
        String eventId,
        String project,
        String endpoint,
        VersionKey version,
        Instant receivedAt,
        double latencySeconds,
        boolean failed,
        int rows,
        FeatureSample sample,
        PredictionAnswer answer) {
}
