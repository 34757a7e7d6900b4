package dev.aiaas.ml.drift;

import dev.aiaas.ml.profile.NumericFeatureProfile;
import java.util.Map;
import java.util.TreeMap;

/**
 * A baseline distribution known by some of its quantiles: the quantile function is linear
 * between the knots (level, value), levels from 0 (the minimum) to 1 (the maximum). Its
 * inverse, the CDF, is then linear between the knots' values too, and jumps where several
 * knots share a value (a value that many training rows hold). A profile's 101 percentiles
 * put the knots 1 % apart; a profile written before them falls back on what it has: minimum,
 * 1 %, 5 %, the deciles, the quartiles, 95 %, 99 % and maximum.
 */
public final class QuantileFunction {

    private final double[] levels;
    private final double[] values;

    private QuantileFunction(double[] levels, double[] values) {
        this.levels = levels;
        this.values = values;
    }

    /**
     * The baseline distribution of {@code profile}.
     *
     * @throws IllegalArgumentException when the feature had no values in training
     */
    public static QuantileFunction of(NumericFeatureProfile profile) {
        if (profile.count() == 0) {
            throw new IllegalArgumentException("feature '" + profile.name() + "' had no values in training");
        }
        int k = profile.percentiles().length;
        if (k > 0) {
            double[] levels = new double[k];
            for (int i = 0; i < k; i++) {
                levels[i] = i / (double) (k - 1);
            }
            return new QuantileFunction(levels, profile.percentiles().clone());
        }
        Map<Double, Double> knots = new TreeMap<>();
        knots.put(0.0, profile.min());
        knots.put(1.0, profile.max());
        for (int i = 0; i < profile.quantileLevels().length; i++) {
            knots.put(profile.quantileLevels()[i], profile.quantiles()[i]);
        }
        for (int i = 0; i < profile.binEdges().length; i++) {
            knots.put((i + 1) / (double) NumericFeatureProfile.BINS, profile.binEdges()[i]);
        }
        return new QuantileFunction(knots.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                knots.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The knots' values, ascending: where the CDF bends or jumps. */
    double[] knotValues() {
        return values.clone();
    }

    /** The knots' levels, ascending from 0 to 1. */
    double[] knotLevels() {
        return levels.clone();
    }

    /** The value at level {@code p} in [0, 1]. */
    public double quantile(double p) {
        int upper = 1;
        while (upper < levels.length - 1 && levels[upper] < p) {
            upper++;
        }
        int lower = upper - 1;
        double width = levels[upper] - levels[lower];
        double fraction = width == 0 ? 0 : (p - levels[lower]) / width;
        return values[lower] + Math.max(0, Math.min(1, fraction)) * (values[upper] - values[lower]);
    }

    /** P(X ≤ x): right-continuous, so at a value many knots share it counts them all. */
    public double cdf(double x) {
        if (x < values[0]) {
            return 0;
        }
        int last = lastAtOrBelow(x);
        if (last == values.length - 1) {
            return 1;
        }
        return interpolate(last, x);
    }

    /** P(X < x): the CDF's limit from the left. */
    public double cdfBelow(double x) {
        if (x <= values[0]) {
            return 0;
        }
        if (x > values[values.length - 1]) {
            return 1;
        }
        int first = lastAtOrBelow(Math.nextDown(x)) + 1; // the first knot at or above x
        return interpolate(first - 1, x);
    }

    private double interpolate(int lower, double x) {
        double span = values[lower + 1] - values[lower];
        double fraction = span == 0 ? 1 : (x - values[lower]) / span;
        return levels[lower] + fraction * (levels[lower + 1] - levels[lower]);
    }

    /** The index of the last knot whose value is at most x (x at least the first value). */
    private int lastAtOrBelow(double x) {
        int low = 0;
        int high = values.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (values[middle] <= x) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
