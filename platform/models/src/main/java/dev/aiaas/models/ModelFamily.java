package dev.aiaas.models;

import dev.aiaas.ml.transform.LabelTask;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The kinds of model the platform trains and serves; each has one Block layout in {@link ModelFamilies}. */
public enum ModelFamily {
    /** Flatten, then Linear + ReLU per hidden layer, then Linear to the classes or the predicted values. */
    MLP(LabelTask.CLASSIFICATION, LabelTask.REGRESSION),
    /** For images {@code [channels, height, width]}: two conv + ReLU + max-pool blocks, then Linear. */
    CNN(LabelTask.CLASSIFICATION),
    /** Multinomial logistic regression: one Linear to the classes, trained with softmax cross-entropy. */
    LOGISTIC_REGRESSION(LabelTask.CLASSIFICATION),
    /** One Linear to the outputs, trained with L2 loss. */
    LINEAR_REGRESSION(LabelTask.REGRESSION),
    /**
     * For sequence windows {@code [window, features]}: one LSTM layer per hidden entry, the last
     * step's output, then Linear to the forecast values; optionally anchored on the last value.
     */
    LSTM(LabelTask.REGRESSION),
    /** As {@link #LSTM}, with GRU layers. */
    GRU(LabelTask.REGRESSION),
    /**
     * Learns to reconstruct normal rows through a narrow encoding; a row it reconstructs badly
     * is an anomaly. Flatten, Linear + ReLU per encoder width (the last, the code, without ReLU),
     * the mirrored decoder, then Linear back to the input size.
     */
    AUTOENCODER(LabelTask.ANOMALY),
    /**
     * For text prepared as token ids {@code [maxTokens]} (0 padding, 1 unknown word, 2.. the
     * vocabulary): the mean of the embeddings of a row's non-padding tokens, then Linear to the
     * classes. Word order is ignored: a bag of words with learned word vectors.
     */
    EMBEDDING_BAG(LabelTask.CLASSIFICATION);

    private final LabelTask defaultTask;
    private final Set<LabelTask> tasks;

    ModelFamily(LabelTask defaultTask, LabelTask... others) {
        this.defaultTask = defaultTask;
        this.tasks = others.length == 0 ? Set.of(defaultTask) : Set.of(concat(defaultTask, others));
    }

    /** Whether this family learns {@code task}. */
    public boolean supports(LabelTask task) {
        return tasks.contains(task);
    }

    /** The task a model of this family learns when nothing else says. */
    public LabelTask defaultTask() {
        return defaultTask;
    }

    /** Whether the family reads sequence windows {@code [window, features]} step by step. */
    public boolean recurrent() {
        return this == LSTM || this == GRU;
    }

    /** The families that learn {@code task}, in declaration order. */
    public static List<ModelFamily> supporting(LabelTask task) {
        return Arrays.stream(values()).filter(family -> family.supports(task)).toList();
    }

    private static LabelTask[] concat(LabelTask first, LabelTask[] rest) {
        LabelTask[] all = new LabelTask[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
