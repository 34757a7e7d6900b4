package dev.aiaas.ml.transform;

/** What a model learns from the label column, and so how the label is encoded. */
public enum LabelTask {
    /** Class indices into the sorted class labels seen in the training split. */
    CLASSIFICATION,
    /** The numeric label itself, as a float target. */
    REGRESSION
}
