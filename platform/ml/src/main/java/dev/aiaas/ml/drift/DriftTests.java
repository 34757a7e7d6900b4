package dev.aiaas.ml.drift;

import dev.aiaas.ml.profile.CategoricalFeatureProfile;
import dev.aiaas.ml.profile.NumericFeatureProfile;
import dev.aiaas.ml.profile.PsiCalculator;

/** Runs the drift method a policy chose on one feature's sample. */
public final class DriftTests {

    private static final PsiCalculator PSI = new PsiCalculator();

    private DriftTests() {
    }

    /**
     * {@code method} on a numeric sample (NaN = missing).
     *
     * @throws IllegalArgumentException for a method that does not measure numeric features, or
     *                                  when the baseline or the sample has no values
     */
    public static DriftStatistic numeric(DriftMethod method, NumericFeatureProfile baseline, double[] sample,
                                         double threshold) {
        return switch (method) {
            case PSI -> DriftStatistic.of(method, PSI.numeric(baseline, sample), Double.NaN, threshold);
            case KS -> KolmogorovSmirnov.test(baseline, sample, threshold);
            case WASSERSTEIN -> Wasserstein.test(baseline, sample, threshold);
            case JENSEN_SHANNON -> JensenShannon.numeric(baseline, sample, threshold);
            case CHI_SQUARE -> throw new IllegalArgumentException(method + " does not measure numeric features");
        };
    }

    /**
     * {@code method} on a categorical sample (null = missing).
     *
     * @throws IllegalArgumentException for a method that does not measure categorical features,
     *                                  or when the sample has no values
     */
    public static DriftStatistic categorical(DriftMethod method, CategoricalFeatureProfile baseline, String[] sample,
                                             double threshold) {
        return switch (method) {
            case PSI -> DriftStatistic.of(method, PSI.categorical(baseline, sample), Double.NaN, threshold);
            case CHI_SQUARE -> ChiSquare.test(baseline, sample, threshold);
            case JENSEN_SHANNON -> JensenShannon.categorical(baseline, sample, threshold);
            case KS, WASSERSTEIN -> throw new IllegalArgumentException(method + " does not measure categorical features");
        };
    }

    /** PSI of a numeric sample, which every report shows whatever method decides. */
    public static double psi(NumericFeatureProfile baseline, double[] sample) {
        return PSI.numeric(baseline, sample);
    }

    /** PSI of a categorical sample, which every report shows whatever method decides. */
    public static double psi(CategoricalFeatureProfile baseline, String[] sample) {
        return PSI.categorical(baseline, sample);
    }
}
