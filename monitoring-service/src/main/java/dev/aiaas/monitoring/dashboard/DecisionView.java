package dev.aiaas.monitoring.dashboard;

import dev.aiaas.monitoring.model.Decision;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A decision of the retraining loop as the dashboard lists it (ListDecisions' fields): what was
 * decided, why, and the figures it was decided on (by name; a figure that is not a number is null).
 */
public record DecisionView(String id, String endpoint, String runId, String action, String reason,
        Map<String, Double> figures, String model, long championVersion, long challengerVersion,
        Instant decidedAt) {

    static DecisionView of(Decision decision) {
        Map<String, Double> figures = new TreeMap<>();
        decision.figures().forEach((name, value) -> figures.put(name, JsonNumbers.finite(value)));
        return new DecisionView(decision.id(), decision.endpoint(), decision.runId(), decision.action().name(),
                decision.reason(), figures, decision.modelName(), decision.championVersion(),
                decision.challengerVersion(), decision.decidedAt());
    }
}
