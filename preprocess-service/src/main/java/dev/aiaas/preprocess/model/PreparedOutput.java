package dev.aiaas.preprocess.model;

import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.proto.preprocess.v1.SequenceInfo;
import java.util.List;

/**
 * What a preparation produced and where it lies: split files, transform and profile.
 *
 * @param task       what the label was prepared for
 * @param inputShape the shape of one example: a row's, or {@code [window, features]} for a sequence
 * @param sequence   how the windows were cut; null for single rows
 */
public record PreparedOutput(
        PreparationRequest request,
        FittedPipeline fitted,
        LabelTask task,
        List<Integer> inputShape,
        SequenceInfo sequence,
        List<SplitOutput> splits,
        StoredObject transform,
        StoredObject profile) {

    public PreparedOutput {
        inputShape = List.copyOf(inputShape);
        splits = List.copyOf(splits);
    }

    /** One split's tensors in the store. */
    public record SplitOutput(String name, long rows, StoredObject tensors) {
    }

    /** An object written to the store, with its digest. */
    public record StoredObject(String key, String sha256, long sizeBytes) {
    }
}
