package dev.aiaas.serving.model;

import dev.aiaas.ml.transform.LabelTask;
import java.util.List;

/**
 * What a model answered for a request.
 *
 * @param task             what the model predicts, which says what {@code outputs} holds
 * @param width            values per row in {@code outputs}: classes, predicted values, 1, or a
 *                         recommender's k (the same for every row)
 * @param outputs          row-major, {@code width} per row: class probabilities for a classifier,
 *                         predicted values in the target's units for a regression model, the
 *                         anomaly score of an anomaly detector, a recommender's scores best first,
 *                         an uploaded model's first output
 * @param predictedClasses the most probable class of each row; empty unless a classifier answered
 * @param classLabels      the model's class label names, index = class (empty when it has none)
 * @param anomalies        whether each row's anomaly score is above the model's threshold; empty
 *                         unless an anomaly detector answered
 * @param items            the item id of each of a recommender's scores, row-major; empty unless
 *                         a recommender answered
 * @param sample           the request's raw features for the drift sample, or null when the
 *                         request sent prepared tensors
 * @param tensors          every output an uploaded model answered, in its signature's order (the
 *                         first is also {@code outputs}, {@code width} per row); empty for a model
 *                         trained here
 */
public record InferenceOutcome(
        String modelName,
        long version,
        LabelTask task,
        int rows,
        int width,
        float[] outputs,
        int[] predictedClasses,
        List<String> classLabels,
        boolean[] anomalies,
        List<String> items,
        RawSample sample,
        ArtifactFile profile,
        List<OutputTensor> tensors) {
}
