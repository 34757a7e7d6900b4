package dev.aiaas.ml.profile;

import dev.aiaas.ml.stats.SampleStatistics;
import dev.aiaas.ml.table.NumericColumn;
import java.util.Arrays;
import java.util.Objects;

/**
 * The training distribution of one raw numeric feature. The histogram's bins are cut
 * at the training deciles, so each baseline bin holds about a tenth of the values and
 * a drifted sample shows up as bins that fill or empty. Bin {@code i} holds values in
 * {@code (binEdges[i-1], binEdges[i]]}, the first bin everything up to
 * {@code binEdges[0]}, the last everything above the last edge. The 101 percentiles
 * (0 %, 1 %, … 100 %) stand in for the training rows where a test needs the whole
 * distribution (Kolmogorov–Smirnov, Wasserstein) without storing the rows. Statistics of a
 * column with no values are NaN and its histogram and percentiles are empty; so are the
 * percentiles of a profile written before they were recorded.
 *
 * @param name           column name
 * @param count          values present
 * @param missing        values missing (NaN)
 * @param mean           mean of the values present
 * @param std            population standard deviation
 * @param min            smallest value
 * @param max            largest value
 * @param quantileLevels the levels of {@code quantiles}: {@link #QUANTILE_LEVELS}
 * @param quantiles      the values at those levels (linear interpolation)
 * @param binEdges       the 9 inner bin edges: the deciles 0.1 … 0.9
 * @param binFractions   the fraction of training values in each of the 10 bins
 * @param percentiles    the values at levels {@code i / 100} for i = 0 … 100 (linear
 *                       interpolation), or empty
 */
public record NumericFeatureProfile(String name, long count, long missing, double mean, double std,
                                    double min, double max, double[] quantileLevels, double[] quantiles,
                                    double[] binEdges, double[] binFractions, double[] percentiles) {

    /** The quantile levels every numeric profile records. */
    public static final double[] QUANTILE_LEVELS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

    /** Number of histogram bins. */
    public static final int BINS = 10;

    /** Number of percentiles recorded: 0 % to 100 % in steps of 1 %. */
    public static final int PERCENTILES = 101;

    public NumericFeatureProfile {
        Objects.requireNonNull(name, "name");
        percentiles = percentiles == null ? new double[0] : percentiles;
        int bins = count == 0 ? 0 : binEdges.length + 1;
        if (quantileLevels.length != quantiles.length || binFractions.length != bins) {
            throw new IllegalArgumentException("feature '" + name + "': " + quantileLevels.length
                    + " levels for " + quantiles.length + " quantiles, " + binEdges.length + " edges for "
                    + binFractions.length + " bins");
        }
        if (percentiles.length != 0 && percentiles.length != PERCENTILES) {
            throw new IllegalArgumentException("feature '" + name + "': " + percentiles.length
                    + " percentiles, not " + PERCENTILES);
        }
    }

    /** A profile without percentiles, as written before they were recorded. */
    public NumericFeatureProfile(String name, long count, long missing, double mean, double std, double min,
                                 double max, double[] quantileLevels, double[] quantiles, double[] binEdges,
                                 double[] binFractions) {
        this(name, count, missing, mean, std, min, max, quantileLevels, quantiles, binEdges, binFractions,
                new double[0]);
    }

    /** The profile of {@code column}'s values. */
    public static NumericFeatureProfile of(NumericColumn column) {
        double[] sorted = SampleStatistics.present(column.values());
        Arrays.sort(sorted);
        long missing = column.size() - sorted.length;
        if (sorted.length == 0) {
            double[] none = new double[QUANTILE_LEVELS.length];
            Arrays.fill(none, Double.NaN);
            return new NumericFeatureProfile(column.name(), 0, missing, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, QUANTILE_LEVELS.clone(), none, new double[0], new double[0], new double[0]);
        }
        double mean = SampleStatistics.mean(sorted);
        double[] quantiles = Arrays.stream(QUANTILE_LEVELS).map(p -> SampleStatistics.quantile(sorted, p)).toArray();
        double[] edges = new double[BINS - 1];
        Arrays.setAll(edges, i -> SampleStatistics.quantile(sorted, (i + 1) / (double) BINS));
        double[] percentiles = new double[PERCENTILES];
        Arrays.setAll(percentiles, i -> SampleStatistics.quantile(sorted, i / (double) (PERCENTILES - 1)));
        return new NumericFeatureProfile(column.name(), sorted.length, missing, mean,
                SampleStatistics.populationStd(sorted, mean), sorted[0], sorted[sorted.length - 1],
                QUANTILE_LEVELS.clone(), quantiles, edges, fractions(sorted, edges), percentiles);
    }

    private static double[] fractions(double[] values, double[] edges) {
        double[] fractions = new double[edges.length + 1];
        for (double value : values) {
            fractions[binOf(edges, value)]++;
        }
        for (int i = 0; i < fractions.length; i++) {
            fractions[i] /= values.length;
        }
        return fractions;
    }

    /** The histogram bin of {@code value}: the number of edges strictly below it. */
    public int binOf(double value) {
        return binOf(binEdges, value);
    }

    private static int binOf(double[] edges, double value) {
        int low = 0;
        int high = edges.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (edges[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumericFeatureProfile that && name.equals(that.name) && count == that.count
                && missing == that.missing && Double.compare(mean, that.mean) == 0
                && Double.compare(std, that.std) == 0 && Double.compare(min, that.min) == 0
                && Double.compare(max, that.max) == 0 && Arrays.equals(quantileLevels, that.quantileLevels)
                && Arrays.equals(quantiles, that.quantiles) && Arrays.equals(binEdges, that.binEdges)
                && Arrays.equals(binFractions, that.binFractions) && Arrays.equals(percentiles, that.percentiles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, count, missing, mean, std, Arrays.hashCode(quantiles), Arrays.hashCode(binEdges),
                Arrays.hashCode(percentiles));
    }

    @Override
    public String toString() {
        return "NumericFeatureProfile[" + name + ": count=" + count + ", missing=" + missing + ", mean=" + mean
                + ", std=" + std + ", min=" + min + ", max=" + max + ", edges=" + Arrays.toString(binEdges) + "]";
    }
}
