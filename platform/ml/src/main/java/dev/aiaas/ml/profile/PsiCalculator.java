package dev.aiaas.ml.profile;

import java.util.HashMap;
import java.util.Map;

/**
 * Population Stability Index of a sample against a training baseline:
 * {@code PSI = Σ (actual_i − expected_i) · ln(actual_i / expected_i)} over the
 * baseline's bins (numeric) or listed categories plus one bucket for every other category
 * (categorical), whose baseline share is the profile's {@code other}: 0 when training listed them
 * all, so that a category never seen in training counts heavily. A share of 0 on either side would make the logarithm
 * infinite, so shares below {@link #epsilon()} are raised to it before summing; the
 * result stays finite and an empty bin still counts heavily. Missing values are left
 * out of both sides. Rule of thumb: below 0.1 stable, 0.1–0.25 moderate shift,
 * above 0.25 a major shift.
 */
public final class PsiCalculator {

    /** The default floor of a bin's share: 1e-4, one value in ten thousand. */
    public static final double DEFAULT_EPSILON = 1e-4;

    private final double epsilon;

    /** A calculator with {@link #DEFAULT_EPSILON}. */
    public PsiCalculator() {
        this(DEFAULT_EPSILON);
    }

    /** A calculator that raises shares below {@code epsilon} (in (0, 1)) to it. */
    public PsiCalculator(double epsilon) {
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must lie in (0, 1), was " + epsilon);
        }
        this.epsilon = epsilon;
    }

    public double epsilon() {
        return epsilon;
    }

    /**
     * PSI of {@code sample} against the baseline's decile bins.
     *
     * @throws IllegalArgumentException when the baseline or the sample has no values
     */
    public double numeric(NumericFeatureProfile baseline, double[] sample) {
        if (baseline.count() == 0) {
            throw new IllegalArgumentException("feature '" + baseline.name() + "' had no values in training");
        }
        double[] counts = new double[baseline.binFractions().length];
        long present = 0;
        for (double value : sample) {
            if (!Double.isNaN(value)) {
                counts[baseline.binOf(value)]++;
                present++;
            }
        }
        requireSample(present, baseline.name());
        double psi = 0;
        for (int bin = 0; bin < counts.length; bin++) {
            psi += term(counts[bin] / present, baseline.binFractions()[bin]);
        }
        return psi;
    }

    /**
     * PSI of {@code sample} (null = missing) against the baseline's category shares.
     *
     * @throws IllegalArgumentException when the sample has no values
     */
    public double categorical(CategoricalFeatureProfile baseline, String[] sample) {
        Map<String, Long> counts = new HashMap<>();
        long unseen = 0;
        long present = 0;
        for (String value : sample) {
            if (value == null) {
                continue;
            }
            present++;
            if (baseline.frequencies().containsKey(value)) {
                counts.merge(value, 1L, Long::sum);
            } else {
                unseen++;
            }
        }
        requireSample(present, baseline.name());
        double psi = term(unseen / (double) present, baseline.other());
        for (Map.Entry<String, Double> category : baseline.frequencies().entrySet()) {
            psi += term(counts.getOrDefault(category.getKey(), 0L) / (double) present, category.getValue());
        }
        return psi;
    }

    private double term(double actual, double expected) {
        double a = Math.max(actual, epsilon);
        double e = Math.max(expected, epsilon);
        return (a - e) * Math.log(a / e);
    }

    private static void requireSample(long present, String name) {
        if (present == 0) {
            throw new IllegalArgumentException("the sample of feature '" + name + "' has no values");
        }
    }
}
