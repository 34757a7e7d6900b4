package dev.aiaas.ml.drift;

import java.util.Arrays;

/** What every numeric test does first with a production sample: drop the missing values, sort. */
final class Samples {

    private Samples() {
    }

    /**
     * The values of {@code sample} that are not NaN, ascending.
     *
     * @throws IllegalArgumentException when none is
     */
    static double[] presentSorted(double[] sample, String feature) {
        double[] present = Arrays.stream(sample).filter(value -> !Double.isNaN(value)).sorted().toArray();
        if (present.length == 0) {
            throw new IllegalArgumentException("the sample of feature '" + feature + "' has no values");
        }
        return present;
    }
}
