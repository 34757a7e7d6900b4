package dev.aiaas.training.model;

import dev.aiaas.ml.transform.LabelTask;
import java.util.List;
import java.util.Map;

/**
 * What a training job reads from a prepared dataset's manifest ({@code prepared.json}).
 *
 * @param inputShape  shape of one example, e.g. {@code [4]}, {@code [1, 28, 28]}, or {@code [window, features]}
 * @param classLabels class names in output order; the normal labels of anomaly detection; empty for regression
 * @param task        what the labels were prepared for
 * @param sequence    how the examples were cut into windows; null for single rows
 * @param vocabularySize word ids run from 0 to this minus one when the data was tokenized; 0 otherwise
 * @param interactions how many users and items a recommender's splits number; null for other tasks
 * @param splits      {@code train}, {@code validation} and {@code test} tensors by split name
 * @param transform   the fitted transform, copied next to the model for serving; a recommender's id index
 * @param profile     the baseline feature profile, copied next to the model for drift
 */
public record PreparedData(String dataset, long datasetVersion, String pipeline, List<Integer> inputShape,
        List<String> classLabels, LabelTask task, Sequence sequence, int vocabularySize, InteractionsShape interactions,
        Map<String, StoredFile> splits, StoredFile transform, StoredFile profile) {

    public PreparedData {
        inputShape = List.copyOf(inputShape);
        classLabels = List.copyOf(classLabels);
        splits = Map.copyOf(splits);
    }

    /** Whether the labels are classes rather than numbers or normal-or-not. */
    public boolean classification() {
        return task == LabelTask.CLASSIFICATION;
    }

    /**
     * Windows of a sequence: each forecasts {@code horizon} values of a target whose own past is
     * feature {@code targetFeature} of every step (-1 when it is not), standardised with
     * {@code targetMean} and {@code targetStd}.
     */
    public record Sequence(int window, int horizon, int targetFeature, double targetMean, double targetStd) {
    }

    /**
     * The users and items of a recommender's interactions; {@code sharedIds} when an id names the
     * same thing as a user and as an item.
     */
    public record InteractionsShape(int users, int items, boolean sharedIds) {
    }
}
