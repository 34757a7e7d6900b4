package dev.aiaas.ml.stats;

import java.util.Arrays;

/**
 * The descriptive statistics that transforms and profiles learn from a training
 * column, computed in one place so that an imputed median and a profiled median
 * can never disagree.
 */
public final class SampleStatistics {

    private SampleStatistics() {
    }

    /** The values that are not NaN, in their original order. */
    public static double[] present(double[] values) {
        return Arrays.stream(values).filter(value -> !Double.isNaN(value)).toArray();
    }

    /**
     * The arithmetic mean.
     *
     * @throws IllegalArgumentException for no values
     */
    public static double mean(double[] values) {
        requireValues(values);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /**
     * The population standard deviation (divides by n, as NumPy's default and
     * scikit-learn's StandardScaler do), so standardized training data has a std of exactly 1.
     *
     * @throws IllegalArgumentException for no values
     */
    public static double populationStd(double[] values, double mean) {
        requireValues(values);
        double squares = 0;
        for (double value : values) {
            double deviation = value - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / values.length);
    }

    /**
     * The {@code p}-quantile of ascending {@code sorted} values by linear interpolation
     * between the closest ranks (NumPy's default, "type 7"): position {@code p * (n - 1)}.
     *
     * @throws IllegalArgumentException for no values or {@code p} outside [0, 1]
     */
    public static double quantile(double[] sorted, double p) {
        requireValues(sorted);
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a quantile level lies in [0, 1], was " + p);
        }
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    /** The median of (not necessarily sorted) {@code values}: the 0.5-quantile. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    private static void requireValues(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to compute a statistic of");
        }
    }
}
