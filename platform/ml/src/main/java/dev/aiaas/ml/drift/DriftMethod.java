package dev.aiaas.ml.drift;

/**
 * How a feature's drift is measured, and how its threshold reads: a test's threshold is a
 * p-value (drifted below it), a distance's is the least distance that counts as drifted.
 * The default thresholds are Evidently's: p < 0.05 for the tests, 0.1 for the distances, and
 * the usual 0.2 for PSI.
 */
public enum DriftMethod {
    /** Population stability index over the baseline's decile bins or categories. */
    PSI(false, 0.2, true, true),
    /** Two-sample Kolmogorov–Smirnov test (numeric). */
    KS(true, 0.05, true, false),
    /** Wasserstein-1 distance in units of the baseline's standard deviation (numeric). */
    WASSERSTEIN(false, 0.1, true, false),
    /** Pearson's χ² goodness of fit of the categories' counts to the baseline's shares (categorical). */
    CHI_SQUARE(true, 0.05, false, true),
    /** Jensen–Shannon distance (natural logarithm, 0 to √ln 2) of the categories' or decile bins' shares. */
    JENSEN_SHANNON(false, 0.1, true, true);

    private final boolean pValueTest;
    private final double defaultThreshold;
    private final boolean numeric;
    private final boolean categorical;

    DriftMethod(boolean pValueTest, double defaultThreshold, boolean numeric, boolean categorical) {
        this.pValueTest = pValueTest;
        this.defaultThreshold = defaultThreshold;
        this.numeric = numeric;
        this.categorical = categorical;
    }

    /** Whether the threshold is a p-value (drifted below it) rather than a distance (drifted at or above it). */
    public boolean pValueTest() {
        return pValueTest;
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Whether the method measures numeric features. */
    public boolean numeric() {
        return numeric;
    }

    /** Whether the method measures categorical features. */
    public boolean categorical() {
        return categorical;
    }

    /** The verdict: p-value below the threshold for a test, statistic at or above it for a distance. */
    public boolean drifted(double statistic, double pValue, double threshold) {
        return pValueTest ? pValue < threshold : statistic >= threshold;
    }

    /**
     * @throws IllegalArgumentException for a p-value threshold outside (0, 1) or a distance
     *                                  threshold that is not a positive finite number
     */
    public double requireThreshold(double threshold) {
        boolean valid = pValueTest ? threshold > 0 && threshold < 1 : threshold > 0 && Double.isFinite(threshold);
        if (!valid) {
            throw new IllegalArgumentException(name() + "'s threshold is " + (pValueTest
                    ? "a p-value in (0, 1)" : "a distance above 0") + ", not " + threshold);
        }
        return threshold;
    }
}
