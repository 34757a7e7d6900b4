package dev.aiaas.ml.transform;

import java.util.Arrays;
import java.util.List;

/**
 * A transformed split, ready to become tensors: the features of every row as one
 * row-major float array, the shape of one row, and the encoded labels when the
 * table had any. Arrays are shared, not copied, to spare memory on large splits:
 * callers must not change them.
 */
public final class FeatureMatrix {

    private final float[] values;
    private final int rowCount;
    private final List<String> featureNames;
    private final int[] rowShape;
    private final int[] labels;
    private final float[] targets;

    FeatureMatrix(float[] values, int rowCount, List<String> featureNames, int[] rowShape,
                  int[] labels, float[] targets) {
        if (values.length != (long) rowCount * featureNames.size()) {
            throw new IllegalArgumentException(values.length + " values do not make " + rowCount
                    + " rows of " + featureNames.size() + " features");
        }
        this.values = values;
        this.rowCount = rowCount;
        this.featureNames = List.copyOf(featureNames);
        this.rowShape = rowShape.clone();
        this.labels = labels;
        this.targets = targets;
    }

    public int rowCount() {
        return rowCount;
    }

    /** Features per row: the product of {@link #rowShape()}. */
    public int featureCount() {
        return featureNames.size();
    }

    /** Every feature of every row, row-major ({@code rowCount * featureCount} values). */
    public float[] values() {
        return values;
    }

    /** A copy of the features of one row. */
    public float[] row(int row) {
        return Arrays.copyOfRange(values, row * featureCount(), (row + 1) * featureCount());
    }

    /** Feature names in the order of a row's values. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The shape of one row, e.g. {@code [4]} or {@code [1, 28, 28]}. */
    public int[] rowShape() {
        return rowShape.clone();
    }

    /** The shape of the whole matrix: {@code [rowCount, ...rowShape]}, as a tensor would have it. */
    public long[] shape() {
        long[] shape = new long[rowShape.length + 1];
        shape[0] = rowCount;
        for (int i = 0; i < rowShape.length; i++) {
            shape[i + 1] = rowShape[i];
        }
        return shape;
    }

    /** Whether the rows carry class indices (a labelled table, classification). */
    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * The class index of every row, into the pipeline's class labels.
     *
     * @throws IllegalStateException when the table had no label or the task is regression
     */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalStateException("these rows have no class labels (unlabelled data or regression)");
        }
        return labels;
    }

    /** Whether the rows carry regression targets. */
    public boolean hasTargets() {
        return targets != null;
    }

    /**
     * The regression target of every row.
     *
     * @throws IllegalStateException when the table had no label or the task is classification
     */
    public float[] targets() {
        if (targets == null) {
            throw new IllegalStateException(
                    "these rows have no regression targets (unlabelled data or classification)");
        }
        return targets;
    }
}
