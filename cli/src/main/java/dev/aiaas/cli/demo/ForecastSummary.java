package dev.aiaas.cli.demo;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the forecast scenario measured: the forecaster's test error beside the naive forecast's
 * on the same test windows, and one forecast made through the endpoint.
 *
 * @param outcome  the lifecycle run; its test metrics hold {@code mae} and {@code naive_mae}
 * @param firstDay the first day of the window sent to the endpoint
 * @param lastDay  its last day
 * @param window   the window's values of the forecast column, oldest first
 * @param nextDay  what the endpoint forecast for the day after {@code lastDay}
 */
public record ForecastSummary(DatasetOutcome outcome, String firstDay, String lastDay, List<Double> window,
        double nextDay, double seconds) implements ScenarioSummary {

    /** The forecaster's mean absolute error on the test windows, in °C. */
    public double mae() {
        return outcome.metric("mae");
    }

    /** The naive last-value forecast's mean absolute error on the same windows, in °C. */
    public double naiveMae() {
        return outcome.metric("naive_mae");
    }

    @Override
    public void print(PrintStream out) {
        out.println();
        out.println("=== aiaas demo: forecast (LSTM) ===");
        out.printf("dataset %s v%d: %d days; windows of %d days (train/validation/test) %s; model %s v%d%n",
                outcome.dataset(), outcome.datasetVersion(), outcome.rows(), ForecastScenario.WINDOW,
                outcome.splitRows(), outcome.dataset(), outcome.modelVersion());
        out.printf(Locale.ROOT, "test MAE of %s: %.4f °C   naive last-value MAE: %.4f °C   skill %.1f %%   "
                        + "(RMSE %.4f, R² %.4f)%n", ForecastScenario.TARGET, mae(), naiveMae(),
                100 * (1 - mae() / naiveMae()), outcome.metric("rmse"), outcome.metric("r2"));
        out.printf("forecast through the Open Inference Protocol (raw rows %s..%s; the server applies the fitted "
                + "transform):%n", firstDay, lastDay);
        out.println("  " + ForecastScenario.TARGET + " of those days: " + window.stream()
                .map(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(" ")));
        out.printf(Locale.ROOT, "  forecast for %s: %.2f °C%n", LocalDate.parse(lastDay).plusDays(1), nextDay);
        out.printf(Locale.ROOT, "%nthe forecast scenario took %.1f s%n", seconds);
    }
}
