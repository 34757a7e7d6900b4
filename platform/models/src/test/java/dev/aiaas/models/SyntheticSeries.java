package dev.aiaas.models;

import java.util.Random;

/** Small made-up data for the contract tests of forecasters and anomaly detectors, seeded. */
final class SyntheticSeries {

    private SyntheticSeries() {
    }

    /**
     * Windows of a noisy sine ({@code [window, 2]}: the value, then the step's phase) and the value
     * that follows each: regression targets, one per window.
     */
    static LabelledData sineWindows(int count, int window, long seed) {
        Random random = new Random(seed);
        float[] x = new float[count * window * 2];
        float[] y = new float[count];
        for (int i = 0; i < count; i++) {
            double start = random.nextDouble() * 2 * Math.PI;
            for (int step = 0; step <= window; step++) {
                double phase = start + step * 0.3;
                float value = (float) (10 + 5 * Math.sin(phase) + random.nextGaussian() * 0.2);
                if (step == window) {
                    y[i] = value;
                } else {
                    x[(i * window + step) * 2] = value;
                    x[(i * window + step) * 2 + 1] = (float) Math.cos(phase);
                }
            }
        }
        return LabelledData.regression(x, y, count);
    }

    /**
     * Rows of {@code width} values labelled 0 (normal: two hidden factors spread over every
     * value, little noise) or 1 (anomaly: independent noise); every {@code anomalyEvery}-th row is an anomaly.
     */
    static LabelledData lowRankRows(int rows, int width, int anomalyEvery, long seed) {
        Random random = new Random(seed);
        Random loadings = new Random(99);
        double[][] basis = new double[2][width];
        for (double[] factor : basis) {
            for (int j = 0; j < width; j++) {
                factor[j] = loadings.nextGaussian();
            }
        }
        float[] x = new float[rows * width];
        long[] labels = new long[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = r % anomalyEvery == anomalyEvery - 1 ? 1 : 0;
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            for (int j = 0; j < width; j++) {
                x[r * width + j] = (float) (labels[r] == 1 ? random.nextGaussian() * 1.5
                        : a * basis[0][j] + b * basis[1][j] + random.nextGaussian() * 0.05);
            }
        }
        return LabelledData.classification(x, labels);
    }
}
