package dev.aiaas.ml.split;

import dev.aiaas.ml.table.LabelKeys;
import dev.aiaas.ml.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A seeded train/validation/test split, stratified by label when asked.
 *
 * <p>Stratified: the rows of each class (classes in sorted order, rows without a label
 * as one more class) are shuffled with one {@code java.util.Random(seed)} and cut by
 * {@link SplitAllocation}, so every class is represented in each split in proportion,
 * within one row. A numeric target (regression) is stratified by its quantiles instead:
 * {@value #QUANTILE_BINS} bins of equal row counts, so each split spans the target's range.
 * Not stratified: all rows are shuffled once and cut. Either way the same seed and data give
 * the same split.
 *
 * @param train      fraction of rows for training, in [0, 1]
 * @param validation fraction for validation, in [0, 1]
 * @param test       fraction for test, in [0, 1]; the three sum to 1 (within 1e-9)
 * @param seed       seed of the shuffle
 * @param stratify   whether each class is split in proportion
 */
public record StratifiedSplit(double train, double validation, double test, long seed, boolean stratify) {

    private static final double SUM_TOLERANCE = 1e-9;
    /** Strata of a numeric target: deciles. */
    public static final int QUANTILE_BINS = 10;

    public StratifiedSplit {
        requireFraction("train", train);
        requireFraction("validation", validation);
        requireFraction("test", test);
        double sum = train + validation + test;
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("split fractions must sum to 1, but train " + train
                    + " + validation " + validation + " + test " + test + " = " + sum);
        }
    }

    private static void requireFraction(String name, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException(name + " fraction must lie in [0, 1], was " + fraction);
        }
    }

    /**
     * Splits the rows of {@code table}, stratified by its label when asked.
     *
     * @throws IllegalArgumentException when stratifying a table without a label, or when a
     *                                  split would be empty
     */
    public SplitIndices split(Table table) {
        if (!stratify) {
            return split(table.rowCount());
        }
        String[] keys = LabelKeys.of(table.label().orElseThrow(() -> new IllegalArgumentException(
                "a stratified split needs a label column; the table has none")));
        return splitByClass(keys);
    }

    /**
     * Splits the rows of {@code table} whose label is a numeric target, stratified by its
     * quantiles when asked (each distinct value as a class would leave most of them a single row,
     * placed by rank rather than by the seed).
     *
     * @throws IllegalArgumentException when stratifying a table without a numeric label, or when a
     *                                  split would be empty
     */
    public SplitIndices splitByTarget(Table table) {
        if (!stratify) {
            return split(table.rowCount());
        }
        String label = table.labelName().orElseThrow(() -> new IllegalArgumentException(
                "a stratified split needs a label column; the table has none"));
        return splitByQuantiles(table.numeric(label).values(), QUANTILE_BINS);
    }

    /**
     * Splits rows by the quantile bin of {@code values[row]}: rows are ranked by value (ties in
     * row order) and cut into {@code bins} groups of equal size; rows without a value (NaN) are
     * one more group.
     *
     * @throws IllegalArgumentException when a split would be empty
     */
    public SplitIndices splitByQuantiles(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        Integer[] ranked = IntStream.range(0, values.length).filter(row -> !Double.isNaN(values[row])).boxed()
                .sorted(Comparator.comparingDouble(row -> values[row])).toArray(Integer[]::new);
        String[] keys = new String[values.length];
        int width = Integer.toString(bins - 1).length();
        for (int rank = 0; rank < ranked.length; rank++) {
            int bin = (int) ((long) rank * bins / ranked.length);
            keys[ranked[rank]] = String.format("%0" + width + "d", bin);
        }
        return splitByClass(keys);
    }

    /**
     * Splits {@code rowCount} rows with one seeded shuffle, ignoring {@link #stratify}.
     *
     * @throws IllegalArgumentException when a split would be empty
     */
    public SplitIndices split(int rowCount) {
        int[] rows = new int[rowCount];
        Arrays.setAll(rows, i -> i);
        shuffle(rows, new Random(seed));
        SplitAllocation allocation = new SplitAllocation(train, validation);
        int[] counts = allocation.next(rowCount);
        return assemble(List.of(rows), List.of(counts), rowCount);
    }

    /**
     * Splits rows by class: {@code classes[row]} is the row's class key (null for none).
     *
     * @throws IllegalArgumentException when a split would be empty
     */
    public SplitIndices splitByClass(String[] classes) {
        Map<String, List<Integer>> byClass = new TreeMap<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        for (int row = 0; row < classes.length; row++) {
            byClass.computeIfAbsent(classes[row], key -> new ArrayList<>()).add(row);
        }
        Random random = new Random(seed);
        SplitAllocation allocation = new SplitAllocation(train, validation);
        List<int[]> shuffled = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        for (List<Integer> rows : byClass.values()) {
            int[] classRows = rows.stream().mapToInt(Integer::intValue).toArray();
            shuffle(classRows, random);
            shuffled.add(classRows);
            counts.add(allocation.next(classRows.length));
        }
        return assemble(shuffled, counts, classes.length);
    }

    private SplitIndices assemble(List<int[]> groups, List<int[]> counts, int rowCount) {
        int[][] splits = new int[3][];
        int[] totals = new int[3];
        counts.forEach(groupCounts -> Arrays.setAll(totals, s -> totals[s] + groupCounts[s]));
        for (int s = 0; s < 3; s++) {
            splits[s] = new int[totals[s]];
        }
        int[] filled = new int[3];
        for (int g = 0; g < groups.size(); g++) {
            int offset = 0;
            for (int s = 0; s < 3; s++) {
                int count = counts.get(g)[s];
                System.arraycopy(groups.get(g), offset, splits[s], filled[s], count);
                filled[s] += count;
                offset += count;
            }
        }
        requireNonEmpty(totals, rowCount);
        for (int[] split : splits) {
            Arrays.sort(split);
        }
        return new SplitIndices(splits[0], splits[1], splits[2]);
    }

    private void requireNonEmpty(int[] totals, int rowCount) {
        String[] names = {"train", "validation", "test"};
        double[] fractions = {train, validation, test};
        for (int s = 0; s < 3; s++) {
            if (totals[s] == 0) {
                throw new IllegalArgumentException("the " + names[s] + " split would be empty: " + rowCount
                        + " rows at a fraction of " + fractions[s] + "; use more rows or a larger fraction");
            }
        }
    }

    /** Fisher–Yates, so the order depends only on the seed and the input order. */
    private static void shuffle(int[] rows, Random random) {
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
    }
}
