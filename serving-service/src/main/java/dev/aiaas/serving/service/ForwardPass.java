package dev.aiaas.serving.service;

import ai.djl.pytorch.jni.JniUtils;
import dev.aiaas.batching.BatchHandler;
import dev.aiaas.serving.model.ServedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one merged batch: the features of every request of the batch go into one tensor and
 * one forward pass, and its outputs (a classifier's probabilities, a regression model's
 * predicted values, an anomaly detector's scores) are split back per request. Requests queued
 * across a version swap may name two versions, even of two tasks; each version gets its own pass.
 */
final class ForwardPass implements BatchHandler<ForwardPass.Rows, float[]> {

    /** Whether this worker thread has set its PyTorch intra-op thread count yet. */
    private static final ThreadLocal<Boolean> THREADS_SET = ThreadLocal.withInitial(() -> false);

    private final int engineThreads;

    ForwardPass(int engineThreads) {
        this.engineThreads = engineThreads;
    }

    /** One request's model-ready rows and the version it was admitted for (held until answered). */
    record Rows(ServedModel model, float[] features, int rows) {
    }

    @Override
    public List<float[]> run(List<Rows> payloads, int totalRows) {
        if (!THREADS_SET.get()) {
            // PyTorch keeps the intra-op thread count per thread: set it on each worker.
            JniUtils.setNumThreads(engineThreads);
            THREADS_SET.set(true);
        }
        List<float[]> results = new ArrayList<>(payloads.size());
        int start = 0;
        while (start < payloads.size()) {
            int end = start + 1;
            while (end < payloads.size() && payloads.get(end).model() == payloads.get(start).model()) {
                end++;
            }
            results.addAll(run(payloads.subList(start, end)));
            start = end;
        }
        return results;
    }

    private static List<float[]> run(List<Rows> group) {
        ServedModel model = group.get(0).model();
        if (group.size() == 1) {
            Rows only = group.get(0);
            return List.of(outputs(model, only.features(), only.rows()));
        }
        int inputWidth = model.model().spec().inputSize();
        int rows = group.stream().mapToInt(Rows::rows).sum();
        float[] batch = new float[rows * inputWidth];
        int offset = 0;
        for (Rows request : group) {
            System.arraycopy(request.features(), 0, batch, offset, request.features().length);
            offset += request.features().length;
        }
        float[] outputs = outputs(model, batch, rows);
        int width = model.signature().outputs();
        List<float[]> split = new ArrayList<>(group.size());
        int row = 0;
        for (Rows request : group) {
            float[] own = new float[request.rows() * width];
            System.arraycopy(outputs, row * width, own, 0, own.length);
            split.add(own);
            row += request.rows();
        }
        return split;
    }

    /**
     * {@code rows × signature.outputs}: class probabilities for a classifier, predicted values for
     * regression, one anomaly score per row for an anomaly detector.
     */
    private static float[] outputs(ServedModel model, float[] features, int rows) {
        return switch (model.signature().task()) {
            case CLASSIFICATION -> model.model().predictProbabilities(features, rows);
            case REGRESSION -> model.model().predict(features, rows);
            case ANOMALY -> model.model().anomalyScores(features, rows);
        };
    }
}
