package dev.aiaas.ml.metrics;

/**
 * How close predicted values are to actual ones.
 *
 * @param mse mean squared error
 * @param mae mean absolute error
 * @param r2  coefficient of determination, {@code 1 − SS_res / SS_tot}; when the actual
 *            values are all equal (SS_tot = 0) it is 1 for perfect predictions and 0
 *            otherwise, as in scikit-learn, rather than undefined
 */
public record RegressionMetrics(double mse, double mae, double r2) {

    /** Root mean squared error, in the target's own units. */
    public double rmse() {
        return Math.sqrt(mse);
    }

    /**
     * Metrics of {@code predicted} against {@code actual}.
     *
     * @throws IllegalArgumentException for arrays of different or zero length
     */
    public static RegressionMetrics compute(double[] actual, double[] predicted) {
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException("need as many predictions as actual values, at least one; got "
                    + actual.length + " actual and " + predicted.length + " predicted");
        }
        double mean = 0;
        for (double value : actual) {
            mean += value;
        }
        mean /= actual.length;
        double squared = 0;
        double absolute = 0;
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = actual[i] - predicted[i];
            squared += error * error;
            absolute += Math.abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        double r2 = total == 0 ? (squared == 0 ? 1 : 0) : 1 - squared / total;
        return new RegressionMetrics(squared / actual.length, absolute / actual.length, r2);
    }

    /** Metrics of float predictions (as a model outputs them) against float targets. */
    public static RegressionMetrics compute(float[] actual, float[] predicted) {
        return compute(toDoubles(actual), toDoubles(predicted));
    }

    private static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }
}
