package dev.aiaas.ml.split;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits rows by time: the earliest {@code train} share of the rows is the training
 * split, the next {@code validation} share the validation split and the latest rows the
 * test split, so no model is ever tested on a time before one it learned from. Rows
 * sharing a time stay in one split, so several series in one table are all cut at the
 * same instants.
 *
 * @param train      share of rows for training, in (0, 1)
 * @param validation share of rows for validation, in [0, 1); the test split gets the rest
 */
public record ChronologicalSplit(double train, double validation) {

    public ChronologicalSplit {
        if (!(train > 0 && train < 1) || !(validation >= 0) || train + validation >= 1) {
            throw new IllegalArgumentException("split shares must be train in (0, 1), validation >= 0 and"
                    + " train + validation < 1 to leave a test split; were " + train + " and " + validation);
        }
    }

    /**
     * The split of rows whose times are {@code times} (any unit that orders them).
     *
     * @throws IllegalArgumentException for a NaN time
     */
    public SplitIndices split(double[] times) {
        for (int row = 0; row < times.length; row++) {
            if (Double.isNaN(times[row])) {
                throw new IllegalArgumentException("row " + row + " has no time to split by");
            }
        }
        int[] order = IntStream.range(0, times.length).boxed()
                .sorted(Comparator.comparingDouble(row -> times[row])).mapToInt(Integer::intValue).toArray();
        long trainTarget = Math.round(train * times.length);
        long trainAndValidationTarget = Math.round((train + validation) * times.length);
        int trainEnd = boundary(order, times, trainTarget);
        int validationEnd = Math.max(trainEnd, boundary(order, times, trainAndValidationTarget));
        return new SplitIndices(sorted(order, 0, trainEnd), sorted(order, trainEnd, validationEnd),
                sorted(order, validationEnd, order.length));
    }

    /** The first position at or after {@code target} where the time changes. */
    private static int boundary(int[] order, double[] times, long target) {
        int position = (int) Math.min(target, order.length);
        while (position > 0 && position < order.length
                && times[order[position]] == times[order[position - 1]]) {
            position++;
        }
        return position;
    }

    private static int[] sorted(int[] order, int from, int to) {
        int[] rows = Arrays.copyOfRange(order, from, to);
        Arrays.sort(rows);
        return rows;
    }
}
