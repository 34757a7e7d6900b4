package dev.aiaas.monitoring.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What one served request should have answered, named by its endpoint and request id: a true
 * label per row for a classifier, or true values (row-major, the model's width per row).
 *
 * @param labels     true labels in row order; empty when {@code values} holds the truth
 * @param values     true values; empty when {@code labels} holds the truth
 * @param observedAt when the truth was known; null: when monitoring receives it
 */
public record GroundTruth(
        String endpoint,
        String requestId,
        List<String> labels,
        double[] values,
        Instant observedAt) {

    public GroundTruth {
        labels = List.copyOf(labels);
    }

    /** What kind of answer the truth can judge: labels judge a classifier, values the rest. */
    public AnswerKind kind() {
        return labels.isEmpty() ? AnswerKind.VALUES : AnswerKind.CLASSIFICATION;
    }

    /** Whether {@code other} states the same truth (when it was observed aside). */
    public boolean sameTruthAs(GroundTruth other) {
        return labels.equals(other.labels) && Arrays.equals(values, other.values);
    }
}
