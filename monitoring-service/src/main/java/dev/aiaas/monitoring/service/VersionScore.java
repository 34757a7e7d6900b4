package dev.aiaas.monitoring.service;

import dev.aiaas.monitoring.model.AnswerKind;
import dev.aiaas.monitoring.model.GroundTruth;
import dev.aiaas.monitoring.model.LabelledAnswer;
import dev.aiaas.monitoring.model.PredictionAnswer;
import dev.aiaas.monitoring.model.VersionKey;
import dev.aiaas.monitoring.model.VersionQuality;
import dev.aiaas.monitoring.model.VersionQuality.LabelCount;
import dev.aiaas.monitoring.model.VersionQuality.ValueMean;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running figures of one model version's answers against their ground truth, added a request
 * at a time and kept in bounded memory however many are added: counts per label (at most
 * {@link #MAX_LABELS}) for a classifier, sums for a model that predicts values. Macro F1 follows
 * scikit-learn's {@code f1_score(average="macro", zero_division=0)} over the labels seen, true or
 * predicted (platform/ml's {@code ClassificationMetrics} over the same labels gives the same).
 */
final class VersionScore {

    /** The most labels counted apart; rows of further labels are counted under {@link #OTHER}. */
    static final int MAX_LABELS = 1000;
    static final String OTHER = "(other)";

    private final VersionKey version;
    private final AnswerKind kind;
    private long requests;
    private long rows;
    private long mismatched;
    /** Per label: rows truly of it, rows predicted as it, rows of it predicted right. */
    private final Map<String, long[]> labels = new HashMap<>();
    private long correct;
    private long values;
    private double squaredErrors;
    private double absoluteErrors;
    private double trueSum;
    private double predictedSum;

    VersionScore(VersionKey version, AnswerKind kind) {
        this.version = version;
        this.kind = kind;
    }

    /** Adds one request's answer and truth; one whose truth does not fit the answer is counted apart. */
    void add(LabelledAnswer labelled) {
        PredictionAnswer answer = labelled.answer();
        GroundTruth truth = labelled.truth();
        if (answer.kind() != kind || GroundTruthRules.fits(truth, answer).isPresent()) {
            mismatched++;
            return;
        }
        requests++;
        rows += answer.rows();
        if (kind == AnswerKind.CLASSIFICATION) {
            for (int row = 0; row < answer.rows(); row++) {
                addLabels(truth.labels().get(row), answer.labels().get(row));
            }
        } else {
            for (int i = 0; i < truth.values().length; i++) {
                addValues(truth.values()[i], answer.values()[i]);
            }
        }
    }

    private void addLabels(String actual, String predicted) {
        boolean right = actual.equals(predicted);
        counts(actual)[0]++;
        counts(predicted)[1]++;
        if (right) {
            correct++;
            counts(actual)[2]++;
        }
    }

    private long[] counts(String label) {
        long[] counts = labels.get(label);
        if (counts == null) {
            counts = labels.computeIfAbsent(labels.size() < MAX_LABELS ? label : OTHER, any -> new long[3]);
        }
        return counts;
    }

    private void addValues(double actual, double predicted) {
        double error = predicted - actual;
        values++;
        squaredErrors += error * error;
        absoluteErrors += Math.abs(error);
        trueSum += actual;
        predictedSum += predicted;
    }

    VersionQuality figures() {
        boolean classes = kind == AnswerKind.CLASSIFICATION;
        return new VersionQuality(version.modelName(), version.modelVersion(), version.role(), kind, requests, rows,
                classes ? ratio(correct, rows) : 0, classes ? macroF1() : 0,
                classes ? 0 : ratio(squaredErrors, values), classes ? 0 : ratio(absoluteErrors, values),
                classes ? distribution(0) : List.of(), classes ? distribution(1) : List.of(),
                classes ? new ValueMean(0, 0) : new ValueMean(values, ratio(trueSum, values)),
                classes ? new ValueMean(0, 0) : new ValueMean(values, ratio(predictedSum, values)),
                mismatched);
    }

    /** The mean over labels of F1 = 2·TP / (2·TP + FP + FN) = 2·right / (true rows + predicted rows). */
    private double macroF1() {
        double sum = 0;
        for (long[] counts : labels.values()) {
            sum += ratio(2.0 * counts[2], counts[0] + counts[1]);
        }
        return ratio(sum, labels.size());
    }

    /** Rows per label by column {@code which} of the counts, most first, then by label. */
    private List<LabelCount> distribution(int which) {
        return labels.entrySet().stream().filter(entry -> entry.getValue()[which] > 0)
                .map(entry -> new LabelCount(entry.getKey(), entry.getValue()[which]))
                .sorted(Comparator.comparingLong(LabelCount::count).reversed().thenComparing(LabelCount::label))
                .toList();
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }
}
