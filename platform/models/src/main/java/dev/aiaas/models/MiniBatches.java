package dev.aiaas.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Slices labelled rows into mini-batches: a seeded shuffle of the row order per epoch,
 * then consecutive slices of that order copied into one features array and one labels
 * array each. An autoencoder's labels are the batch's own features, flattened.
 */
final class MiniBatches {

    private final ModelSpec spec;
    private final LabelledData data;
    private final int batchSize;

    MiniBatches(ModelSpec spec, LabelledData data, int batchSize) {
        this.spec = spec;
        this.data = data;
        this.batchSize = Math.min(batchSize, data.rows());
    }

    /** How many batches one epoch has; the last may be smaller. */
    int count() {
        return (data.rows() + batchSize - 1) / batchSize;
    }

    /** A fresh row order for one epoch (Fisher–Yates with {@code random}). */
    int[] shuffledOrder(Random random) {
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** The rows of batch {@code index} of {@code order}, as features and labels on {@code manager}. */
    NDList batch(NDManager manager, int[] order, int index) {
        int from = index * batchSize;
        int rows = Math.min(batchSize, order.length - from);
        int width = data.rowSize();
        float[] features = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data.features(), order[from + r] * width, features, r * width, width);
        }
        NDArray x = manager.create(features, new Shape(spec.batchShape(rows)));
        // an autoencoder learns to give back its own (flattened) input
        NDArray labels = spec.anomalyDetector() ? manager.create(features, new Shape(rows, width))
                : labels(manager, order, from, rows);
        return new NDList(x, labels);
    }

    private NDArray labels(NDManager manager, int[] order, int from, int rows) {
        if (data.classified()) {
            long[] classes = new long[rows];
            for (int r = 0; r < rows; r++) {
                classes[r] = data.classes()[order[from + r]];
            }
            return manager.create(classes);
        }
        int width = data.targetSize();
        float[] targets = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data.targets(), order[from + r] * width, targets, r * width, width);
        }
        return manager.create(targets, new Shape(rows, width));
    }
}
