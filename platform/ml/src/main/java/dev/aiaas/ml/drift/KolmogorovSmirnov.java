package dev.aiaas.ml.drift;

import dev.aiaas.ml.profile.NumericFeatureProfile;
import java.util.Arrays;

/**
 * The two-sample Kolmogorov–Smirnov test of a sample against a baseline known by its
 * quantiles. The statistic is D = sup |F_baseline(x) − F_sample(x)|, the baseline's CDF
 * being the {@link QuantileFunction}'s and the sample's its empirical CDF; between the
 * baseline's knots and the sample's values both CDFs are linear or constant, so the supremum
 * is taken at those points, from either side. The p-value is the asymptotic Kolmogorov
 * distribution's, with the two sizes' effective size n_e = n·m / (n + m) and Stephens'
 * small-sample correction: p = Q_KS((√n_e + 0.12 + 0.11 / √n_e) · D), n the baseline's rows.
 */
public final class KolmogorovSmirnov {

    private KolmogorovSmirnov() {
    }

    /**
     * The test of {@code sample} (NaN = missing, left out) against {@code baseline}.
     *
     * @throws IllegalArgumentException when the baseline or the sample has no values
     */
    public static DriftStatistic test(NumericFeatureProfile baseline, double[] sample, double threshold) {
        double[] sorted = Samples.presentSorted(sample, baseline.name());
        double d = statistic(QuantileFunction.of(baseline), sorted);
        return DriftStatistic.of(DriftMethod.KS, d, pValue(d, baseline.count(), sorted.length), threshold);
    }

    /** D of ascending {@code sorted} values against {@code baseline}. */
    static double statistic(QuantileFunction baseline, double[] sorted) {
        double[] knots = baseline.knotValues();
        double[] points = new double[knots.length + sorted.length];
        System.arraycopy(knots, 0, points, 0, knots.length);
        System.arraycopy(sorted, 0, points, knots.length, sorted.length);
        Arrays.sort(points);
        double m = sorted.length;
        double d = 0;
        for (double x : points) {
            double atOrBelow = upperBound(sorted, x) / m;
            double below = lowerBound(sorted, x) / m;
            d = Math.max(d, Math.abs(baseline.cdf(x) - atOrBelow));
            d = Math.max(d, Math.abs(baseline.cdfBelow(x) - below));
        }
        return d;
    }

    /** The asymptotic p-value of D for samples of n and m values. */
    static double pValue(double d, long n, long m) {
        double effective = Math.sqrt(n * (double) m / (n + (double) m));
        return survival((effective + 0.12 + 0.11 / effective) * d);
    }

    /**
     * Q_KS(λ) = 2 Σ_{j≥1} (−1)^{j−1} exp(−2 j² λ²), the Kolmogorov distribution's survival
     * function. Below λ = 1.18 that series converges slowly, so its complement is summed
     * instead: 1 − (√(2π) / λ) Σ_{j≥1} exp(−(2j − 1)² π² / (8 λ²)).
     */
    static double survival(double lambda) {
        if (lambda <= 0) {
            return 1;
        }
        if (lambda < 1.18) {
            double y = Math.exp(-Math.PI * Math.PI / (8 * lambda * lambda));
            double sum = 0;
            for (int j = 1; j <= 50; j++) {
                int odd = 2 * j - 1;
                double term = Math.pow(y, odd * odd);
                sum += term;
                if (term < 1e-17) {
                    break;
                }
            }
            return clamp(1 - Math.sqrt(2 * Math.PI) / lambda * sum);
        }
        double sum = 0;
        for (int j = 1; j <= 100; j++) {
            double term = Math.exp(-2.0 * j * j * lambda * lambda);
            sum += (j % 2 == 1 ? term : -term);
            if (term < 1e-17) {
                break;
            }
        }
        return clamp(2 * sum);
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }

    /** How many of {@code sorted} are at most x. */
    private static int upperBound(double[] sorted, double x) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= x) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** How many of {@code sorted} are below x. */
    private static int lowerBound(double[] sorted, double x) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < x) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
