package dev.aiaas.ml.transform;

/** What a model learns from the label column, and so how the label is encoded. */
public enum LabelTask {
    /** Class indices into the sorted class labels seen in the training split. */
    CLASSIFICATION,
    /** The numeric label itself, as a float target. */
    REGRESSION,
    /**
     * Normal or not: the labels seen in the (normal-only) training split are normal and
     * encode as 0; every other label is an anomaly and encodes as 1.
     */
    ANOMALY,
    /**
     * Items for users: there is no label column; a recommender learns from (user, item)
     * interactions. No transform encodes it and no network of {@code ModelSpec} learns it.
     */
    RECOMMENDATION
}
