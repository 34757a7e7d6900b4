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

    public double accuracy() {
        return testMetrics.getOrDefault("accuracy", 0.0);
    }
}
