package dev.aiaas.serving.service;

import ai.djl.pytorch.jni.JniUtils;
import dev.aiaas.batching.BatchHandler;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.OutputTensor;
import dev.aiaas.serving.model.ServedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one merged batch: the features of every request of the batch go into one tensor and
 * one forward pass, and its outputs (a classifier's probabilities, a regression model's
 * predicted values, an anomaly detector's scores) are split back per request. Requests queued
 * across a version swap may name two versions, even of two tasks; each version gets its own pass.
 * A recommender's requests are ranked one by one ({@link Recommendations#rank}): scoring is a
 * dot product per user in Java, which merging would not make cheaper. An uploaded model's
 * requests are merged into one input tensor and one pass of its engine, and each of its outputs
 * split back by rows.
 */
final class ForwardPass implements BatchHandler<ModelWork, ModelWork.Answer> {

    /** Whether this worker thread has set its PyTorch intra-op thread count yet. */
    private static final ThreadLocal<Boolean> THREADS_SET = ThreadLocal.withInitial(() -> false);

    private final int engineThreads;

    ForwardPass(int engineThreads) {
        this.engineThreads = engineThreads;
    }

    @Override
    public List<ModelWork.Answer> run(List<ModelWork> payloads, int totalRows) {
        if (!THREADS_SET.get()) {
            // PyTorch keeps the intra-op thread count per thread: set it on each worker.
            JniUtils.setNumThreads(engineThreads);
            THREADS_SET.set(true);
        }
        List<ModelWork.Answer> results = new ArrayList<>(payloads.size());
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

    /** One version's requests: all of a network's rows in one pass, or each of a recommender's users ranked. */
    private static List<ModelWork.Answer> run(List<ModelWork> group) {
        ServedModel model = group.get(0).model();
        if (model.signature().recommender()) {
            return group.stream().map(work -> Recommendations.rank((ModelWork.Users) work)).toList();
        }
        if (model.signature().uploaded()) {
            return uploaded(model, group.stream().map(w -> ((ModelWork.Tensor) w).input()).toList());
        }
        List<ModelWork.Rows> requests = group.stream().map(ModelWork.Rows.class::cast).toList();
        int width = model.signature().outputs();
        if (requests.size() == 1) {
            ModelWork.Rows only = requests.get(0);
            return List.of(ModelWork.Answer.of(outputs(model, only.features(), only.rows()), width));
        }
        int inputWidth = model.model().spec().inputSize();
        int rows = requests.stream().mapToInt(ModelWork.Rows::rows).sum();
        float[] batch = new float[rows * inputWidth];
        int offset = 0;
        for (ModelWork.Rows request : requests) {
            System.arraycopy(request.features(), 0, batch, offset, request.features().length);
            offset += request.features().length;
        }
        float[] outputs = outputs(model, batch, rows);
        List<ModelWork.Answer> split = new ArrayList<>(requests.size());
        int row = 0;
        for (ModelWork.Rows request : requests) {
            float[] own = new float[request.rows() * width];
            System.arraycopy(outputs, row * width, own, 0, own.length);
            split.add(ModelWork.Answer.of(own, width));
            row += request.rows();
        }
        return split;
    }

    /** One pass of an uploaded model over every request's rows; each output split back per request. */
    private static List<ModelWork.Answer> uploaded(ServedModel model, List<InferenceInput.Tensor> requests) {
        List<OutputTensor> outputs = model.uploaded().run(InferenceInput.Tensor.concat(requests));
        if (requests.size() == 1) {
            return List.of(ModelWork.Answer.of(outputs));
        }
        List<ModelWork.Answer> split = new ArrayList<>(requests.size());
        int row = 0;
        for (InferenceInput.Tensor request : requests) {
            List<OutputTensor> own = new ArrayList<>(outputs.size());
            for (OutputTensor output : outputs) {
                int width = output.rowWidth();
                float[] values = new float[request.rows() * width];
                System.arraycopy(output.values(), row * width, values, 0, values.length);
                List<Long> shape = new ArrayList<>(output.shape());
                shape.set(0, (long) request.rows());
                own.add(new OutputTensor(output.name(), shape, values));
            }
            split.add(ModelWork.Answer.of(own));
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
            case RECOMMENDATION -> throw new IllegalStateException(model + " recommends: it has no forward pass");
        };
    }
}
