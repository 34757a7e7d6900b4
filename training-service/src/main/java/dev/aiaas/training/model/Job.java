package dev.aiaas.training.model;

import java.time.Instant;
import java.util.Map;

/** A training job as stored: the project it belongs to, its spec, state and outcome. */
public record Job(
        String project,
        String id,
        JobSpec spec,
        JobState state,
        int epoch,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error,
        Map<String, Double> metrics,
        ConfusionMatrix confusionMatrix,
        long modelVersion,
        String device) {
}
