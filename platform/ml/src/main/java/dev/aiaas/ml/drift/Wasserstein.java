package dev.aiaas.ml.drift;

import dev.aiaas.ml.profile.NumericFeatureProfile;
import java.util.Arrays;

/**
 * The Wasserstein-1 (earth mover's) distance of a sample from a baseline known by its
 * quantiles, in units of the baseline's standard deviation as Evidently normalises it, so one
 * threshold (0.1: a tenth of a standard deviation of mass moved) fits every feature's scale.
 * W1 = ∫₀¹ |Q_baseline(p) − Q_sample(p)| dp, Q_sample being the sample's empirical quantile
 * function (the i-th smallest value on ((i−1)/m, i/m]). Between the baseline's knot levels and
 * the sample's steps one side is linear and the other constant, so the integral is summed
 * exactly piece by piece.
 */
public final class Wasserstein {

    private Wasserstein() {
    }

    /**
     * The normalised distance of {@code sample} (NaN = missing, left out) from {@code baseline}.
     * A baseline with a standard deviation of 0 (one value in training) gives 0 for a sample of
     * that value only and infinity otherwise.
     *
     * @throws IllegalArgumentException when the baseline or the sample has no values
     */
    public static DriftStatistic test(NumericFeatureProfile baseline, double[] sample, double threshold) {
        double[] sorted = Samples.presentSorted(sample, baseline.name());
        double distance = distance(QuantileFunction.of(baseline), sorted);
        double normalised = baseline.std() > 0 ? distance / baseline.std()
                : distance == 0 ? 0 : Double.POSITIVE_INFINITY;
        return DriftStatistic.of(DriftMethod.WASSERSTEIN, normalised, Double.NaN, threshold);
    }

    /** W1 of ascending {@code sorted} values from {@code baseline}, in the feature's units. */
    static double distance(QuantileFunction baseline, double[] sorted) {
        int m = sorted.length;
        double[] knots = baseline.knotLevels();
        double[] cuts = new double[knots.length + m + 1];
        System.arraycopy(knots, 0, cuts, 0, knots.length);
        for (int i = 0; i <= m; i++) {
            cuts[knots.length + i] = i / (double) m;
        }
        Arrays.sort(cuts);
        double total = 0;
        for (int k = 1; k < cuts.length; k++) {
            double a = cuts[k - 1];
            double b = cuts[k];
            if (b > a) {
                int step = Math.min(m, Math.max(1, (int) Math.ceil((a + b) / 2 * m)));
                double c = sorted[step - 1];
                total += betweenLineAndConstant(b - a, baseline.quantile(a) - c, baseline.quantile(b) - c);
            }
        }
        return total;
    }

    /** ∫ |line| over an interval of {@code width} where the line goes from {@code from} to {@code to}. */
    private static double betweenLineAndConstant(double width, double from, double to) {
        if (from * to >= 0) {
            return width * Math.abs(from + to) / 2;
        }
        return width * (from * from + to * to) / (2 * (Math.abs(from) + Math.abs(to)));
    }
}
