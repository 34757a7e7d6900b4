package dev.aiaas.models;

import dev.aiaas.ml.npz.NpyArray;
import dev.aiaas.ml.npz.NpyType;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Rows of features with their labels, as a prepared split holds them: {@code features} is
 * {@code rows × inputSize} float32 values in C order, and either {@code classes} (class
 * indices) or {@code targets} ({@code rows × outputs} numbers) is set. The arrays are
 * shared, not copied.
 */
public record LabelledData(float[] features, long[] classes, float[] targets, int rows) {

    public LabelledData {
        if (rows < 1 || features.length % rows != 0) {
            throw new IllegalArgumentException("need at least one row and the same number of features in each; got "
                    + features.length + " values for " + rows + " rows");
        }
        if ((classes == null) == (targets == null)) {
            throw new IllegalArgumentException("labelled data has either class indices or regression targets");
        }
        if (classes != null && classes.length != rows || targets != null && targets.length % rows != 0) {
            throw new IllegalArgumentException("need one label per row: " + rows + " rows");
        }
    }

    public static LabelledData classification(float[] features, long[] classes) {
        return new LabelledData(features, classes, null, classes.length);
    }

    public static LabelledData regression(float[] features, float[] targets, int rows) {
        return new LabelledData(features, null, targets, rows);
    }

    /**
     * The {@code x} and {@code y} arrays of a prepared split ({@code .npz}): int64 {@code y}
     * are class indices, float32 {@code y} are regression targets.
     *
     * @throws IllegalArgumentException when {@code x} or {@code y} is missing or their row counts differ
     */
    public static LabelledData fromNpz(Map<String, NpyArray> arrays) {
        NpyArray x = arrays.get("x");
        NpyArray y = arrays.get("y");
        if (x == null || y == null || x.type() != NpyType.FLOAT32) {
            throw new IllegalArgumentException("a prepared split needs float32 'x' and 'y' arrays, found " + arrays.keySet());
        }
        long rows = x.shape()[0];
        if (y.shape().length == 0 || y.shape()[0] != rows) {
            throw new IllegalArgumentException("'x' has " + rows + " rows but 'y' is shaped " + Arrays.toString(y.shape()));
        }
        return y.type() == NpyType.INT64
                ? classification(x.floats(), y.longs())
                : regression(x.floats(), y.floats(), Math.toIntExact(rows));
    }

    /** Values in one row of features. */
    public int rowSize() {
        return features.length / rows;
    }

    /** Whether the labels are classes (not regression targets). */
    public boolean classified() {
        return classes != null;
    }

    /** Values per row of targets: 1 for one predicted number; 0 for classes. */
    public int targetSize() {
        return targets == null ? 0 : targets.length / rows;
    }

    /** The rows whose class index is {@code label}, ascending; none for regression targets. */
    public int[] rowsOfClass(long label) {
        return classes == null ? new int[0]
                : IntStream.range(0, rows).filter(row -> classes[row] == label).toArray();
    }

    /**
     * A copy of the rows at {@code picked}, in that order.
     *
     * @throws IllegalArgumentException when {@code picked} is empty
     */
    public LabelledData select(int[] picked) {
        int width = rowSize();
        int targetWidth = targetSize();
        float[] x = new float[picked.length * width];
        long[] y = classes == null ? null : new long[picked.length];
        float[] t = targets == null ? null : new float[picked.length * targetWidth];
        for (int i = 0; i < picked.length; i++) {
            System.arraycopy(features, picked[i] * width, x, i * width, width);
            if (y != null) {
                y[i] = classes[picked[i]];
            } else {
                System.arraycopy(targets, picked[i] * targetWidth, t, i * targetWidth, targetWidth);
            }
        }
        return new LabelledData(x, y, t, picked.length);
    }

    /** The highest class index plus one; 0 for regression. */
    public int classCount() {
        return classes == null ? 0 : (int) Arrays.stream(classes).max().orElse(-1) + 1;
    }
}
