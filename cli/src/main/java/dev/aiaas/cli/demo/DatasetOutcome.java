package dev.aiaas.cli.demo;

import java.util.List;
import java.util.Map;

/** What the lifecycle produced for one data set. */
public record DatasetOutcome(
        String dataset,
        long datasetVersion,
        long rows,
        List<Long> splitRows,
        String jobId,
        long modelVersion,
        Map<String, Double> testMetrics,
        List<Prediction> predictions) {

    /** One prediction made through the Open Inference Protocol, with the true label. */
    public record Prediction(String actual, String predicted, float probability) {
    }

    /** The outcome of a lifecycle run, with the predictions made after it (none where a scenario keeps its own). */
    static DatasetOutcome of(LifecycleRun.Result run, List<Prediction> predictions) {
        return new DatasetOutcome(run.version().getDataset(), run.version().getVersion(), run.version().getRowCount(),
                run.splitRows(), run.job().getId(), run.job().getModelVersion(),
                run.job().getEvaluation().getMetricsMap(), predictions);
    }

    /** A test metric of the trained model, NaN when it did not record it. */
    public double metric(String name) {
        return testMetrics.getOrDefault(name, Double.NaN);
    }

    public double accuracy() {
        return testMetrics.getOrDefault("accuracy", 0.0);
    }
}
