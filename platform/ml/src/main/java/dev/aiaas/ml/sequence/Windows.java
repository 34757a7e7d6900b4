package dev.aiaas.ml.sequence;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Sliding-window examples cut from the rows of one split: {@code x} holds each
 * example's {@code window} rows of features, step-major ({@code [count, window,
 * features]}), and {@code y} the {@code horizon} target values that follow
 * ({@code [count, horizon]}). Windows never cross series, and never reach outside the
 * rows they are cut from, so windows cut from the training split hold no value from a
 * later split. Arrays are shared, not copied.
 *
 * @param x        every example's inputs, {@code count * window * features} values
 * @param y        every example's targets, {@code count * horizon} values
 * @param count    examples
 * @param window   rows per example
 * @param features features per row
 * @param horizon  targets per example
 */
public record Windows(float[] x, float[] y, int count, int window, int features, int horizon) {

    public Windows {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != (long) count * window * features || y.length != (long) count * horizon) {
            throw new IllegalArgumentException("arrays do not hold " + count + " windows of " + window + " x "
                    + features + " and " + horizon + " targets");
        }
    }

    /**
     * Cuts the windows of one split. Rows are ordered by (group, time) here, whatever
     * their order in the arrays; a window whose targets include a missing (NaN) value is
     * left out.
     *
     * @param features row-major features of the split's rows, {@code rows * featureCount} values
     * @param target   the raw target of each row
     * @param times    each row's time (see {@link TimeValues#epochSeconds})
     * @param groups   each row's series, or null for one series
     * @throws IllegalArgumentException when two rows of one series share a time
     */
    public static Windows cut(float[] features, int featureCount, double[] target, double[] times,
                              String[] groups, WindowSpec spec) {
        int rows = target.length;
        if (times.length != rows || features.length != (long) rows * featureCount
                || (groups != null && groups.length != rows)) {
            throw new IllegalArgumentException("features, targets, times and groups must describe the same "
                    + rows + " rows");
        }
        Integer[] order = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
        Comparator<Integer> byGroup = Comparator.comparing(row -> groups == null ? "" : groupOf(groups, row));
        Arrays.sort(order, byGroup.thenComparingDouble(row -> times[row]));
        int w = spec.window();
        int h = spec.horizon();
        int[] ends = windowEnds(order, target, times, groups, spec);
        int count = ends.length;
        float[] x = new float[Math.toIntExact((long) count * w * featureCount)];
        float[] y = new float[Math.toIntExact((long) count * h)];
        for (int i = 0; i < count; i++) {
            for (int step = 0; step < w; step++) {
                System.arraycopy(features, order[ends[i] - w + step] * featureCount, x,
                        (i * w + step) * featureCount, featureCount);
            }
            for (int k = 0; k < h; k++) {
                y[i * h + k] = (float) target[order[ends[i] + k]];
            }
        }
        return new Windows(x, y, count, w, featureCount, h);
    }

    /** Where each example's targets start, as positions in {@code order}. */
    private static int[] windowEnds(Integer[] order, double[] target, double[] times, String[] groups,
                                    WindowSpec spec) {
        IntStream.Builder ends = IntStream.builder();
        int rows = order.length;
        int start = 0;
        while (start < rows) {
            int end = start + 1;
            while (end < rows && Objects.equals(groupOf(groups, order[end]), groupOf(groups, order[start]))) {
                end++;
            }
            requireDistinctTimes(order, times, start, end, groups);
            for (int e = start + spec.window(); e + spec.horizon() <= end; e += spec.stride()) {
                if (targetsPresent(order, target, e, spec.horizon())) {
                    ends.add(e);
                }
            }
            start = end;
        }
        return ends.build().toArray();
    }

    private static String groupOf(String[] groups, int row) {
        return groups == null ? null : Objects.requireNonNullElse(groups[row], "");
    }

    private static boolean targetsPresent(Integer[] order, double[] target, int first, int horizon) {
        for (int k = 0; k < horizon; k++) {
            if (Double.isNaN(target[order[first + k]])) {
                return false;
            }
        }
        return true;
    }

    private static void requireDistinctTimes(Integer[] order, double[] times, int start, int end, String[] groups) {
        for (int i = start + 1; i < end; i++) {
            if (times[order[i]] == times[order[i - 1]]) {
                throw new IllegalArgumentException("two rows" + (groups == null ? "" : " of series '"
                        + groupOf(groups, order[i]) + "'") + " share the time " + times[order[i]]
                        + "; a series needs one row per time (name a group column if the table holds several)");
            }
        }
    }
}
