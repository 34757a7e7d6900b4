package dev.aiaas.cli.demo;

import dev.aiaas.cli.Services;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.GetDriftReportRequest;
import dev.aiaas.proto.monitoring.v1.GetModelMetricsRequest;
import dev.aiaas.proto.monitoring.v1.ModelMetrics;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole loop on the bundled data: Iris (tabular, MLP) and the digits (images, CNN)
 * from file to served model, then traffic on the Iris endpoint and what monitoring made
 * of it (latency percentiles, drift against the training baseline).
 */
public final class LifecycleDemo {

    /** Requests the demo sends to the Iris endpoint so monitoring has traffic to report. */
    public static final int TRAFFIC = 200;
    private static final List<Integer> IRIS_SAMPLES = List.of(0, 25, 60, 85, 110, 140);

    private final Services services;
    private final Progress progress;
    private final Path datasets;

    public LifecycleDemo(Services services, Progress progress, Path datasets) {
        this.services = services;
        this.progress = progress;
        this.datasets = datasets;
    }

    public DemoSummary run() throws Exception {
        long started = System.nanoTime();
        LifecycleRun lifecycle = new LifecycleRun(services, progress);
        List<DatasetOutcome> outcomes = new ArrayList<>();

        DemoDataset iris = DemoDataset.iris(datasets);
        LifecycleRun.Result irisRun = lifecycle.run(iris);
        List<String> irisLines = SamplePredictions.irisLines(iris.file());
        List<String> irisLabels = irisRun.prepared().getClassLabelsList();
        outcomes.add(DatasetOutcome.of(irisRun, SamplePredictions.iris(services.inference(), irisLines, IRIS_SAMPLES,
                irisLabels)));

        DemoDataset digits = DemoDataset.digits(datasets);
        LifecycleRun.Result digitsRun = lifecycle.run(digits);
        outcomes.add(DatasetOutcome.of(digitsRun, SamplePredictions.digits(services.inference(), digits.file(), 8,
                digitsRun.prepared().getClassLabelsList())));

        int sent = 1 + sendTraffic(irisLines, irisLabels); // the sample batch above was one request
        ModelMetrics metrics = awaitMetrics("iris", sent, Duration.ofSeconds(60));
        DriftReport drift = services.monitoring().getDriftReport(GetDriftReportRequest.newBuilder().setEndpoint("iris").build());
        return new DemoSummary(outcomes, sent, metrics, drift, (System.nanoTime() - started) / 1e9);
    }

    private int sendTraffic(List<String> irisLines, List<String> classLabels) {
        for (int i = 0; i < TRAFFIC; i++) {
            SamplePredictions.iris(services.inference(), irisLines, List.of(i % irisLines.size()), classLabels);
        }
        progress.step("iris: sent %d single-row requests through the Open Inference Protocol", TRAFFIC);
        return TRAFFIC;
    }

    /** Waits until monitoring has counted {@code expected} requests of the endpoint. */
    private ModelMetrics awaitMetrics(String endpoint, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ModelMetrics metrics = null;
        while (System.nanoTime() < deadline) {
            try {
                metrics = services.monitoring().getModelMetrics(GetModelMetricsRequest.newBuilder().setEndpoint(endpoint).build());
                if (metrics.getRequestCount() >= expected) {
                    break;
                }
            } catch (StatusRuntimeException notYet) {
                // NOT_FOUND until monitoring has counted the first request
            }
            Thread.sleep(250);
        }
        if (metrics == null) {
            throw new IllegalStateException("monitoring reported nothing for endpoint " + endpoint + " within " + timeout);
        }
        progress.step("%s: monitoring counted %d requests", endpoint, metrics.getRequestCount());
        return metrics;
    }
}
