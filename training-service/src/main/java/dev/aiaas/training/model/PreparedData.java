package dev.aiaas.training.model;

import java.util.List;
import java.util.Map;

/**
 * What a training job reads from a prepared dataset's manifest ({@code prepared.json}).
 *
 * @param inputShape  shape of one input row, e.g. {@code [4]} or {@code [1, 28, 28]}
 * @param classLabels class names in output order; empty for regression
 * @param splits      {@code train}, {@code validation} and {@code test} tensors by split name
 * @param transform   the fitted transform, copied next to the model for serving
 * @param profile     the baseline feature profile, copied next to the model for drift
 */
public record PreparedData(String dataset, long datasetVersion, String pipeline, List<Integer> inputShape,
        List<String> classLabels, Map<String, StoredFile> splits, StoredFile transform, StoredFile profile) {

    public PreparedData {
        inputShape = List.copyOf(inputShape);
        classLabels = List.copyOf(classLabels);
        splits = Map.copyOf(splits);
    }

    /** Whether the labels are classes (the manifest names them) rather than numbers. */
    public boolean classification() {
        return !classLabels.isEmpty();
    }
}
