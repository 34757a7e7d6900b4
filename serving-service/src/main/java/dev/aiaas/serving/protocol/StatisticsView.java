package dev.aiaas.serving.protocol;

import dev.aiaas.batching.BatchSizeFigures;
import dev.aiaas.batching.BatchStatistics;
import dev.aiaas.proto.inference.InferBatchStatistics;
import dev.aiaas.proto.inference.InferStatistics;
import dev.aiaas.proto.inference.ModelStatistics;
import dev.aiaas.proto.inference.StatisticDuration;
import java.util.Map;

/**
 * An endpoint's batching figures as the statistics extension reports them. Queue time is
 * from admission to the start of the batch; compute is the forward pass (this server does not
 * time input and output preparation apart, so compute_input and compute_output stay empty).
 */
public final class StatisticsView {

    private StatisticsView() {
    }

    public static ModelStatistics of(String endpoint, long version, BatchStatistics.Snapshot figures) {
        InferStatistics inference = InferStatistics.newBuilder()
                .setSuccess(duration(figures.successCount(), figures.successNanos()))
                .setFail(duration(figures.failureCount(), figures.failureNanos()))
                .setQueue(duration(figures.successCount() + figures.failureCount(), figures.queueNanos()))
                .setComputeInput(duration(0, 0))
                .setComputeInfer(duration(figures.executionCount(), figures.computeNanos()))
                .setComputeOutput(duration(0, 0))
                .setCacheHit(duration(0, 0))
                .build();
        ModelStatistics.Builder model = ModelStatistics.newBuilder()
                .setName(endpoint)
                .setVersion(Long.toString(version))
                .setLastInference(figures.lastInferenceMillis())
                .setInferenceCount(figures.inferenceCount())
                .setExecutionCount(figures.executionCount())
                .setInferenceStats(inference);
        for (Map.Entry<Integer, BatchSizeFigures> size : figures.byBatchSize().entrySet()) {
            model.addBatchStats(InferBatchStatistics.newBuilder().setBatchSize(size.getKey())
                    .setComputeInput(duration(0, 0))
                    .setComputeInfer(duration(size.getValue().count(), size.getValue().computeNanos()))
                    .setComputeOutput(duration(0, 0)));
        }
        return model.build();
    }

    private static StatisticDuration duration(long count, long nanos) {
        return StatisticDuration.newBuilder().setCount(count).setNs(nanos).build();
    }
}
