package dev.aiaas.models;

/** The kinds of model the platform trains and serves; each has one Block layout in {@link ModelFamilies}. */
public enum ModelFamily {
    /** Flatten, then Linear + ReLU per hidden layer, then Linear to the classes. */
    MLP(true),
    /** For images {@code [channels, height, width]}: two conv + ReLU + max-pool blocks, then Linear. */
    CNN(true),
    /** Multinomial logistic regression: one Linear to the classes, trained with softmax cross-entropy. */
    LOGISTIC_REGRESSION(true),
    /** One Linear to the outputs, trained with L2 loss. */
    LINEAR_REGRESSION(false);

    private final boolean classifier;

    ModelFamily(boolean classifier) {
        this.classifier = classifier;
    }

    /** Whether the model predicts classes (softmax outputs) rather than numbers. */
    public boolean classifier() {
        return classifier;
    }
}
