package dev.aiaas.monitoring.model;

import java.util.List;

/**
 * How right one model version's answers were over the requests with ground truth. The figures of
 * the other kind of answer are 0 (accuracy and F1 for values, errors for a classifier).
 *
 * @param requests    requests judged (ground truth that agrees with its answer in shape)
 * @param rows        their rows
 * @param labels      a classifier's rows per true label, most frequent first
 * @param predictions a classifier's rows per predicted label, most frequent first
 * @param mismatched  requests whose ground truth disagrees with the answer in shape, left out
 */
public record VersionQuality(
        String modelName,
        long modelVersion,
        ServedRole role,
        AnswerKind kind,
        long requests,
        long rows,
        double accuracy,
        double macroF1,
        double mse,
        double mae,
        List<LabelCount> labels,
        List<LabelCount> predictions,
        ValueMean trueValues,
        ValueMean predictedValues,
        long mismatched) {

    /** How many rows had a label. */
    public record LabelCount(String label, long count) {
    }

    /** How many values there were and their mean (0 for none). */
    public record ValueMean(long count, double mean) {
    }
}
