package dev.aiaas.ml.drift;

import dev.aiaas.ml.profile.CategoricalFeatureProfile;

/**
 * Pearson's χ² goodness-of-fit test of a categorical sample's counts to the baseline's shares:
 * χ² = Σ (O_i − E_i)² / E_i with E_i = m · p_i over the buckets of {@link CategoryShares}, k − 1
 * degrees of freedom for the k buckets that training or the sample filled, and p = Q((k − 1)/2,
 * χ²/2), the regularised upper incomplete gamma function. A bucket training never filled
 * (values it never saw) would make χ² infinite; it gets the share {@link #UNSEEN_SHARE} instead,
 * PSI's floor, so that a handful of unseen values still counts heavily.
 */
public final class ChiSquare {

    /** The baseline share given to a bucket training never filled. */
    public static final double UNSEEN_SHARE = 1e-4;

    private ChiSquare() {
    }

    /**
     * The test of {@code sample} (null = missing, left out) against {@code baseline}.
     *
     * @throws IllegalArgumentException when the sample has no values
     */
    public static DriftStatistic test(CategoricalFeatureProfile baseline, String[] sample, double threshold) {
        CategoryShares shares = CategoryShares.of(baseline, sample);
        return test(shares.expected(), shares.observed(), threshold);
    }

    /** The test of {@code observed} counts against {@code expected} shares (summing to 1). */
    static DriftStatistic test(double[] expected, long[] observed, double threshold) {
        long m = 0;
        double mass = 0;
        int buckets = 0;
        for (int i = 0; i < expected.length; i++) {
            m += observed[i];
            if (expected[i] > 0 || observed[i] > 0) {
                buckets++;
                mass += expected[i] > 0 ? expected[i] : UNSEEN_SHARE;
            }
        }
        if (buckets < 2) {
            return DriftStatistic.of(DriftMethod.CHI_SQUARE, 0, 1, threshold);
        }
        double statistic = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] > 0 || observed[i] > 0) {
                double e = m * (expected[i] > 0 ? expected[i] : UNSEEN_SHARE) / mass;
                statistic += (observed[i] - e) * (observed[i] - e) / e;
            }
        }
        double p = IncompleteGamma.upperRegularized((buckets - 1) / 2.0, statistic / 2);
        return DriftStatistic.of(DriftMethod.CHI_SQUARE, statistic, p, threshold);
    }
}
