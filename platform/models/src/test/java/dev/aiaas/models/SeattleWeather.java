package dev.aiaas.models;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aiaas.ml.sequence.TimeValues;
import dev.aiaas.ml.sequence.WindowSpec;
import dev.aiaas.ml.sequence.Windows;
import dev.aiaas.ml.split.ChronologicalSplit;
import dev.aiaas.ml.split.SplitIndices;
import dev.aiaas.ml.table.CsvTableReader;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.CyclicalTime;
import dev.aiaas.ml.transform.FeatureMatrix;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedStandardize;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.ml.transform.OneHot;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.Standardize;
import dev.aiaas.ml.transform.TimePeriod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Daily Seattle weather 2012–2015 as windows for forecasting the next day's {@code temp_max},
 * prepared with platform/ml the way a sequence preparation does: split 70/15/15 by date, the date
 * turned into day-of-year sine and cosine, numbers standardised and {@code weather} one-hot, all
 * fitted on the training days, then windows cut inside each split; the raw {@code temp_max} stays a
 * feature and is the target.
 */
final class SeattleWeather {

    static final String TARGET = "temp_max";

    /**
     * Windows of each split, and the anchor on the target's (standardised) feature.
     *
     * @param features       values per window step
     * @param naiveTestMae   MAE of forecasting each test day's {@code temp_max} as the day before's, over
     *                       the days the test windows forecast, computed from the raw column
     */
    record Forecasting(LabelledData train, LabelledData validation, LabelledData test, LastValueAnchor anchor,
                       int window, int features, double naiveTestMae) {
        List<Integer> inputShape() {
            return List.of(window, features);
        }
    }

    private SeattleWeather() {
    }

    static Forecasting windows(int window) throws IOException {
        Table days = CsvTableReader.read(file(), null);
        double[] times = TimeValues.epochSeconds(days.column("date"));
        double[] target = days.numeric(TARGET).values();
        SplitIndices split = new ChronologicalSplit(0.7, 0.15).split(times);
        FittedPipeline fitted = new Pipeline(List.of(new CyclicalTime("date", List.of(TimePeriod.YEAR)),
                new Standardize(), new OneHot()), LabelTask.REGRESSION).fit(days.select(split.train()));
        WindowSpec spec = new WindowSpec("date", null, TARGET, window, 1, 1);
        int feature = fitted.featureNames().indexOf(TARGET);
        FittedStandardize.Scaling scaling = fitted.steps().stream().filter(FittedStandardize.class::isInstance)
                .map(FittedStandardize.class::cast).flatMap(step -> step.scalings().stream())
                .filter(s -> s.column().equals(TARGET)).findFirst().orElseThrow();
        return new Forecasting(cut(days, fitted, split.train(), times, target, spec),
                cut(days, fitted, split.validation(), times, target, spec),
                cut(days, fitted, split.test(), times, target, spec),
                new LastValueAnchor(feature, scaling.mean(), scaling.std()), window, fitted.featureNames().size(),
                naiveMae(split.test(), target, window));
    }

    /** The test rows are consecutive days in file order; each window forecasts one of the days after the first {@code window}. */
    private static double naiveMae(int[] test, double[] target, int window) {
        double sum = 0;
        for (int i = window; i < test.length; i++) {
            sum += Math.abs(target[test[i]] - target[test[i - 1]]);
        }
        return sum / (test.length - window);
    }

    private static LabelledData cut(Table days, FittedPipeline fitted, int[] rows, double[] times, double[] target,
            WindowSpec spec) {
        FeatureMatrix matrix = fitted.apply(days.select(rows));
        double[] splitTimes = new double[rows.length];
        double[] splitTarget = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            splitTimes[i] = times[rows[i]];
            splitTarget[i] = target[rows[i]];
        }
        Windows windows = Windows.cut(matrix.values(), matrix.featureCount(), splitTarget, splitTimes, null, spec);
        return LabelledData.regression(windows.x(), windows.y(), windows.count());
    }

    private static Path file() {
        Path found = Path.of("../../datasets/seattle-weather.csv");
        assumeTrue(Files.isRegularFile(found), found + " is not on this machine");
        return found;
    }
}
