package dev.aiaas.ml.drift;

import dev.aiaas.ml.profile.CategoricalFeatureProfile;
import dev.aiaas.ml.profile.NumericFeatureProfile;

/**
 * The Jensen–Shannon distance of a sample's shares from the baseline's: with M = (P + Q) / 2,
 * JS = √(½ KL(P ‖ M) + ½ KL(Q ‖ M)), natural logarithm (as SciPy's and Evidently's), so it lies
 * in [0, √ln 2 ≈ 0.833]; 0 · ln 0 counts 0, so an empty bucket on either side needs no floor.
 * Categories over {@link CategoryShares}' buckets; a numeric feature over the baseline's decile
 * bins.
 */
public final class JensenShannon {

    private JensenShannon() {
    }

    /**
     * The distance of {@code sample} (null = missing, left out) from {@code baseline}.
     *
     * @throws IllegalArgumentException when the sample has no values
     */
    public static DriftStatistic categorical(CategoricalFeatureProfile baseline, String[] sample, double threshold) {
        CategoryShares shares = CategoryShares.of(baseline, sample);
        return DriftStatistic.of(DriftMethod.JENSEN_SHANNON, distance(shares.expected(), shares.observedShares()),
                Double.NaN, threshold);
    }

    /**
     * The distance of {@code sample} (NaN = missing, left out) from {@code baseline} over its decile bins.
     *
     * @throws IllegalArgumentException when the baseline or the sample has no values
     */
    public static DriftStatistic numeric(NumericFeatureProfile baseline, double[] sample, double threshold) {
        if (baseline.count() == 0) {
            throw new IllegalArgumentException("feature '" + baseline.name() + "' had no values in training");
        }
        double[] sorted = Samples.presentSorted(sample, baseline.name());
        double[] shares = new double[baseline.binFractions().length];
        for (double value : sorted) {
            shares[baseline.binOf(value)] += 1.0 / sorted.length;
        }
        return DriftStatistic.of(DriftMethod.JENSEN_SHANNON, distance(baseline.binFractions(), shares),
                Double.NaN, threshold);
    }

    /** JS distance of two distributions over the same buckets. */
    static double distance(double[] p, double[] q) {
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double middle = (p[i] + q[i]) / 2;
            divergence += half(p[i], middle) + half(q[i], middle);
        }
        return Math.sqrt(Math.max(0, divergence));
    }

    private static double half(double share, double middle) {
        return share > 0 ? 0.5 * share * Math.log(share / middle) : 0;
    }
}
