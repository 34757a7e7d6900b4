package dev.aiaas.monitoring.model;

import java.time.Instant;
import java.util.Map;

/**
 * One decision of the retraining loop, with its reason and the figures it was made on.
 *
 * @param runId   the run it belongs to ("" for none)
 * @param figures by name: accuracy_champion, samples_challenger, p99_ratio, ...
 */
public record Decision(
        String id,
        String project,
        String endpoint,
        String runId,
        DecisionAction action,
        String reason,
        Map<String, Double> figures,
        String modelName,
        long championVersion,
        long challengerVersion,
        Instant decidedAt) {

    public Decision {
        figures = Map.copyOf(figures);
    }
}
