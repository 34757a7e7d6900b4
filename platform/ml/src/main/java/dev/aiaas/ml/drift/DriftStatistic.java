package dev.aiaas.ml.drift;

/**
 * What one drift method found for one feature.
 *
 * @param method    the method
 * @param statistic the test statistic or distance
 * @param pValue    the test's p-value; NaN for a distance
 * @param threshold the threshold the verdict used (a p-value or a distance, by the method)
 * @param drifted   the verdict
 */
public record DriftStatistic(DriftMethod method, double statistic, double pValue, double threshold,
                             boolean drifted) {

    /** The statistic with its verdict under {@code threshold}. */
    public static DriftStatistic of(DriftMethod method, double statistic, double pValue, double threshold) {
        return new DriftStatistic(method, statistic, pValue, threshold, method.drifted(statistic, pValue, threshold));
    }
}
