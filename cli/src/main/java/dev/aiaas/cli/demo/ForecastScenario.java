package dev.aiaas.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiaas.cli.Services;
import dev.aiaas.cli.serving.RowFiles;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.ModelInferRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Forecasting on Seattle's daily weather: an LSTM trained on windows of 14 days learns
 * tomorrow's maximum temperature, is measured against the naive forecast (tomorrow is as warm
 * as today) on the test days, and forecasts the day after the file's last 14 days through the
 * Open Inference Protocol from those raw rows, as {@code aiaas predict --csv} would send them.
 */
public final class ForecastScenario {

    /** Days per example. */
    public static final int WINDOW = 14;
    /** The column it forecasts. */
    public static final String TARGET = "temp_max";

    private final Services services;
    private final Progress progress;
    private final Path datasets;

    public ForecastScenario(Services services, Progress progress, Path datasets) {
        this.services = services;
        this.progress = progress;
        this.datasets = datasets;
    }

    public ForecastSummary run() throws Exception {
        long started = System.nanoTime();
        DemoDataset weather = DemoDataset.seattleWeather(datasets);
        LifecycleRun.Result run = new LifecycleRun(services, progress).run(weather);
        DatasetOutcome outcome = DatasetOutcome.of(run, List.of());
        progress.step("%s: test MAE %.3f °C, naive last-value MAE %.3f °C", weather.name(), outcome.metric("mae"),
                outcome.metric("naive_mae"));

        List<Map<String, JsonNode>> lastDays = lastRows(weather.file(), WINDOW);
        ModelInferRequest request = rawWindow(services.inference(), weather.name(), lastDays);
        float next = RawOutputs.floats(services.inference().modelInfer(request), "predictions")[0];
        String firstDay = lastDays.get(0).get("date").asText();
        String lastDay = lastDays.get(WINDOW - 1).get("date").asText();
        List<Double> targets = lastDays.stream().map(row -> Double.parseDouble(row.get(TARGET).asText())).toList();
        progress.step("%s: forecast for %s from the raw rows of %s..%s: %.2f °C", weather.name(),
                LocalDate.parse(lastDay).plusDays(1), firstDay, lastDay, next);
        return new ForecastSummary(outcome, firstDay, lastDay, targets, next, (System.nanoTime() - started) / 1e9);
    }

    /** The last {@code count} rows of a CSV file, as {@code aiaas predict --csv} reads rows. */
    public static List<Map<String, JsonNode>> lastRows(Path csv, int count) throws IOException {
        List<Map<String, JsonNode>> rows = RowFiles.csv(csv, Integer.MAX_VALUE);
        return rows.subList(rows.size() - count, rows.size());
    }

    /**
     * A request to {@code endpoint} carrying {@code rows} (oldest first) as raw columns shaped
     * [1, W], the columns its metadata names: what {@code aiaas predict ENDPOINT --csv} sends for
     * a file of those rows.
     */
    public static ModelInferRequest rawWindow(GRPCInferenceServiceBlockingStub inference, String endpoint,
            List<Map<String, JsonNode>> rows) {
        return SamplePredictions.rawRows(inference, endpoint, rows);
    }
}
