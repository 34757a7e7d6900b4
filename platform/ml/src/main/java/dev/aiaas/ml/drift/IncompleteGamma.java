package dev.aiaas.ml.drift;

/**
 * The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), whose value at
 * (k/2, χ²/2) is the p-value of a χ² statistic with k degrees of freedom. Computed by its
 * power series below x = a + 1 and by its continued fraction (modified Lentz) above, the
 * usual split where each converges fast; relative accuracy about 1e-14.
 */
final class IncompleteGamma {

    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 10_000;
    /** Lanczos' coefficients for g = 7, n = 9. */
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    private IncompleteGamma() {
    }

    /** ln Γ(x) for x > 0 (Lanczos' approximation, with the reflection formula below 0.5). */
    static double lnGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /**
     * Q(a, x).
     *
     * @throws IllegalArgumentException for a ≤ 0 or x < 0
     */
    static double upperRegularized(double a, double x) {
        if (!(a > 0) || !(x >= 0)) {
            throw new IllegalArgumentException("Q(a, x) needs a > 0 and x >= 0, was a=" + a + ", x=" + x);
        }
        if (x == 0) {
            return 1;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        return x < a + 1 ? 1 - lowerBySeries(a, x) : upperByContinuedFraction(a, x);
    }

    private static double lowerBySeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < MAX_TERMS && Math.abs(term) > Math.abs(sum) * EPSILON; n++) {
            term *= x / (a + n);
            sum += term;
        }
        return sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
    }

    private static double upperByContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double fraction = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double step = d * c;
            fraction *= step;
            if (Math.abs(step - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * fraction;
    }
}
