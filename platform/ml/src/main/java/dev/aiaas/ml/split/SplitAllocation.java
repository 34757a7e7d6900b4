package dev.aiaas.ml.split;

/**
 * Cuts groups of rows (classes) into train/validation/test counts by rounding
 * cumulative targets: after the groups seen so far, the rows in train are
 * {@code round(train * rows so far)} and in train + validation
 * {@code round((train + validation) * rows so far)}. Each group is thus split in
 * proportion to within about a row, and so are the totals over all groups, where
 * rounding each group on its own could leave a split short by one row per class.
 * Where the two roundings would give a group a negative validation count, the
 * group's validation count is 0 and the next group makes up for it.
 */
final class SplitAllocation {

    private final double train;
    private final double trainAndValidation;
    private long rowsSoFar;
    private long trainSoFar;
    private long trainAndValidationSoFar;

    SplitAllocation(double train, double validation) {
        this.train = train;
        this.trainAndValidation = train + validation;
    }

    /** The train, validation and test counts of the next group of {@code rows} rows. */
    int[] next(int rows) {
        rowsSoFar += rows;
        long trainTarget = Math.round(train * rowsSoFar);
        int trainCount = (int) (trainTarget - trainSoFar);
        long trainAndValidationTarget = clamp(Math.round(trainAndValidation * rowsSoFar),
                trainAndValidationSoFar + trainCount, trainAndValidationSoFar + rows);
        int validationCount = (int) (trainAndValidationTarget - trainAndValidationSoFar) - trainCount;
        trainSoFar = trainTarget;
        trainAndValidationSoFar = trainAndValidationTarget;
        return new int[] {trainCount, validationCount, rows - trainCount - validationCount};
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
