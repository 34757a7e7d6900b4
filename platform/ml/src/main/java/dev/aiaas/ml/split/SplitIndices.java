package dev.aiaas.ml.split;

import java.util.Arrays;

/**
 * The row indices of each split, each in ascending order, together covering every
 * row exactly once. The arrays are shared, not copied: callers must not change them.
 *
 * @param train      rows to fit transforms and models on
 * @param validation rows to tune and stop training on
 * @param test       rows held out for the final evaluation
 */
public record SplitIndices(int[] train, int[] validation, int[] test) {

    /** Rows in all three splits. */
    public int rowCount() {
        return train.length + validation.length + test.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SplitIndices that && Arrays.equals(train, that.train)
                && Arrays.equals(validation, that.validation) && Arrays.equals(test, that.test);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(train) * 31 + Arrays.hashCode(validation)) * 31 + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "SplitIndices[train=" + train.length + " rows, validation=" + validation.length
                + " rows, test=" + test.length + " rows]";
    }
}
