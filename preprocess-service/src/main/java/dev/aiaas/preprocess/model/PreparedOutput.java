package dev.aiaas.preprocess.model;

import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedTokenize;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.proto.preprocess.v1.InteractionsInfo;
import dev.aiaas.proto.preprocess.v1.SequenceInfo;
import java.util.List;

/**
 * What a preparation produced and where it lies: split files, transform and profile.
 *
 * @param features     what the model's input holds, as the manifest names it
 * @param task         what the label was prepared for
 * @param inputShape   the shape of one example: a row's, or {@code [window, features]} for a sequence
 * @param sequence     how the windows were cut; null for single rows
 * @param interactions how many users and items a recommender's splits number; null for other tasks
 * @param transform    the fitted transform, or a recommender's id index
 */
public record PreparedOutput(
        PreparationRequest request,
        Features features,
        LabelTask task,
        List<Integer> inputShape,
        SequenceInfo sequence,
        InteractionsInfo interactions,
        List<SplitOutput> splits,
        StoredObject transform,
        StoredObject profile) {

    public PreparedOutput {
        inputShape = List.copyOf(inputShape);
        splits = List.copyOf(splits);
    }

    /**
     * The input's feature names in tensor order, the class labels in output order, and the size
     * of the word-id vocabulary (0 when nothing is tokenized).
     */
    public record Features(List<String> names, List<String> classLabels, int vocabularySize) {

        /** No features: a recommender's input is a user id. */
        public static final Features NONE = new Features(List.of(), List.of(), 0);

        public Features {
            names = List.copyOf(names);
            classLabels = List.copyOf(classLabels);
        }

        /** What {@code fitted} makes of a row. */
        public static Features of(FittedPipeline fitted) {
            int vocabulary = fitted.steps().stream().filter(FittedTokenize.class::isInstance)
                    .map(FittedTokenize.class::cast).findFirst().map(FittedTokenize::vocabularySize).orElse(0);
            return new Features(fitted.featureNames(), fitted.classLabels(), vocabulary);
        }
    }

    /** One split's tensors in the store. */
    public record SplitOutput(String name, long rows, StoredObject tensors) {
    }

    /** An object written to the store, with its digest. */
    public record StoredObject(String key, String sha256, long sizeBytes) {
    }
}
