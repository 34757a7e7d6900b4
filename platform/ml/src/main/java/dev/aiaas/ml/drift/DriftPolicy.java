package dev.aiaas.ml.drift;

/**
 * Which method decides whether a feature drifted, at which threshold, and what share of
 * drifted features makes the whole input drift. What is not set follows Evidently's defaults:
 * a sample of at most {@link #SMALL_SAMPLE_ROWS} rows is tested (numeric: Kolmogorov–Smirnov,
 * categorical: χ², drifted at p < 0.05); a larger one, on which any test finds tiny
 * differences significant, is measured by distance (numeric: Wasserstein in standard
 * deviations, categorical: Jensen–Shannon, drifted at 0.1 or more). The input drifts when at
 * least half of its features did. A threshold only means something for its method (a p-value
 * or a distance), so it can be set only with the method.
 *
 * @param numericMethod        null: by the sample's size
 * @param numericThreshold     NaN: the method's default
 * @param categoricalMethod    null: by the sample's size
 * @param categoricalThreshold NaN: the method's default
 * @param share                the share of drifted features at which the input drifts, in (0, 1]; NaN: 0.5
 */
public record DriftPolicy(DriftMethod numericMethod, double numericThreshold, DriftMethod categoricalMethod,
                          double categoricalThreshold, double share) {

    /** The most rows a sample may have to be tested rather than measured by distance. */
    public static final long SMALL_SAMPLE_ROWS = 1000;

    /** The default share of drifted features at which the input drifts. */
    public static final double DEFAULT_SHARE = 0.5;

    /** The method and threshold that decide for one feature. */
    public record Choice(DriftMethod method, double threshold) {
    }

    /**
     * @throws IllegalArgumentException for a method of the wrong kind, a threshold without its
     *                                  method or outside its method's range, or a share outside (0, 1]
     */
    public DriftPolicy {
        check("numeric", numericMethod, numericThreshold, numericMethod == null || numericMethod.numeric());
        check("categorical", categoricalMethod, categoricalThreshold,
                categoricalMethod == null || categoricalMethod.categorical());
        if (!Double.isNaN(share) && !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the drift share lies in (0, 1], was " + share);
        }
    }

    /** Evidently's defaults throughout. */
    public static DriftPolicy defaults() {
        return new DriftPolicy(null, Double.NaN, null, Double.NaN, Double.NaN);
    }

    /** The numeric method and threshold for a sample of {@code rows} rows. */
    public Choice numeric(long rows) {
        DriftMethod method = numericMethod != null ? numericMethod
                : rows <= SMALL_SAMPLE_ROWS ? DriftMethod.KS : DriftMethod.WASSERSTEIN;
        return new Choice(method, Double.isNaN(numericThreshold) ? method.defaultThreshold() : numericThreshold);
    }

    /** The categorical method and threshold for a sample of {@code rows} rows. */
    public Choice categorical(long rows) {
        DriftMethod method = categoricalMethod != null ? categoricalMethod
                : rows <= SMALL_SAMPLE_ROWS ? DriftMethod.CHI_SQUARE : DriftMethod.JENSEN_SHANNON;
        return new Choice(method,
                Double.isNaN(categoricalThreshold) ? method.defaultThreshold() : categoricalThreshold);
    }

    /** The share of drifted features at which the input drifts. */
    public double effectiveShare() {
        return Double.isNaN(share) ? DEFAULT_SHARE : share;
    }

    /** Whether {@code drifted} of {@code tested} features make the input drift (never for none tested). */
    public boolean inputDrifted(long drifted, long tested) {
        return tested > 0 && drifted / (double) tested >= effectiveShare();
    }

    private static void check(String kind, DriftMethod method, double threshold, boolean fits) {
        if (!fits) {
            throw new IllegalArgumentException(method + " does not measure " + kind + " features");
        }
        if (!Double.isNaN(threshold)) {
            if (method == null) {
                throw new IllegalArgumentException("a " + kind + " threshold needs its method: it is a p-value "
                        + "for KS and CHI_SQUARE and a distance for the others");
            }
            method.requireThreshold(threshold);
        }
    }
}
