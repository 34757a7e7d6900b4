package dev.aiaas.models;

import java.util.Arrays;

/**
 * Where an anomaly detector draws the line: a row whose anomaly score (reconstruction error)
 * is above {@code value} is an anomaly. Fitted after training as a quantile of the scores of
 * normal validation rows, so about {@code 1 − quantile} of normal rows are flagged.
 *
 * @param quantile the quantile of normal scores the value was taken at, in (0, 1)
 * @param value    the score above which a row is an anomaly
 */
public record AnomalyThreshold(double quantile, double value) {

    /** The quantile of normal validation scores taken when the job names none. */
    public static final double DEFAULT_QUANTILE = 0.95;

    public AnomalyThreshold {
        checkQuantile(quantile);
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("an anomaly threshold is a finite score of 0 or more, got " + value);
        }
    }

    /**
     * The {@code quantile} of {@code normalScores}, interpolated linearly between the two
     * nearest ranks as numpy's default does.
     *
     * @throws IllegalArgumentException for no scores, a NaN score or a quantile outside (0, 1)
     */
    public static AnomalyThreshold fit(double[] normalScores, double quantile) {
        checkQuantile(quantile);
        if (normalScores.length == 0) {
            throw new IllegalArgumentException("cannot fit an anomaly threshold on no normal rows");
        }
        double[] sorted = normalScores.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("an anomaly score is NaN: training diverged; lower the learning rate");
        }
        double position = quantile * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return new AnomalyThreshold(quantile, sorted[below] + (sorted[above] - sorted[below]) * (position - below));
    }

    /** Whether a row of anomaly score {@code score} is an anomaly. */
    public boolean exceededBy(double score) {
        return score > value;
    }

    static void checkQuantile(double quantile) {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("the anomaly quantile must lie in (0, 1), e.g. 0.95; got " + quantile);
        }
    }
}
