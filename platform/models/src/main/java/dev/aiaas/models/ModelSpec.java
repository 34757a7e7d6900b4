package dev.aiaas.models;

import dev.aiaas.ml.transform.LabelTask;
import java.util.Arrays;
import java.util.List;

/**
 * Everything needed to rebuild a model's Block: saved parameters hold no architecture,
 * so serving reads this ({@code model-spec.json}) before it loads {@code model.params}.
 *
 * @param family      the layout of the network
 * @param inputShape  shape of one input row, e.g. {@code [4]}, {@code [1, 28, 28]}, {@code [window, features]}
 *                    for the recurrent families or {@code [maxTokens]} token ids for EMBEDDING_BAG
 * @param hiddenUnits widths of the hidden layers (MLP), channel counts of the two conv blocks (CNN), state
 *                    sizes of the recurrent layers (LSTM, GRU), encoder widths (AUTOENCODER) or the one
 *                    embedding size (EMBEDDING_BAG); empty for the regressions
 * @param outputs     class count for classifiers, number of predicted values for regression, the input size
 *                    for an autoencoder (it reconstructs its input)
 * @param task        what it learns: classes, numbers or what is normal (the family must support it)
 * @param scaling     how regression targets were standardised for training; {@link TargetScaling#NONE}
 *                    otherwise
 * @param anchor      for LSTM and GRU forecasters, the target's place in the window when the network
 *                    predicts a correction to its last value; null otherwise
 * @param threshold   for anomaly detectors, the score above which a row is an anomaly; null until fitted
 * @param vocabulary  for EMBEDDING_BAG (and only for it), the token ids its embedding table has rows for
 */
public record ModelSpec(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits, int outputs,
        LabelTask task, TargetScaling scaling, LastValueAnchor anchor, AnomalyThreshold threshold,
        Vocabulary vocabulary) {

    /** Hidden layer widths of an MLP when the job names none. */
    public static final List<Integer> DEFAULT_MLP_UNITS = List.of(64);
    /** Channels of a CNN's two conv blocks when the job names none. */
    public static final List<Integer> DEFAULT_CNN_CHANNELS = List.of(8, 16);
    /** State size of the single LSTM or GRU layer when the job names none. */
    public static final List<Integer> DEFAULT_RECURRENT_UNITS = List.of(32);
    /** Encoder widths of an autoencoder whose input has more than 128 values, when the job names none. */
    public static final List<Integer> DEFAULT_AUTOENCODER_UNITS = List.of(128, 32);
    /** Embedding size of an EMBEDDING_BAG when the job names none. */
    public static final List<Integer> DEFAULT_EMBEDDING_UNITS = List.of(64);
    /** Most recurrent layers a LSTM or GRU stacks. */
    public static final int MAX_RECURRENT_LAYERS = 3;

    /**
     * @throws IllegalArgumentException naming what to change when the spec cannot describe a model
     */
    public ModelSpec {
        if (family == null) {
            throw new IllegalArgumentException("a model spec needs a family: one of "
                    + Arrays.toString(ModelFamily.values()));
        }
        inputShape = inputShape == null ? List.of() : List.copyOf(inputShape);
        hiddenUnits = hiddenUnits == null ? List.of() : List.copyOf(hiddenUnits);
        if (inputShape.isEmpty() || inputShape.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("input shape " + inputShape + " must have positive dimensions");
        }
        if (hiddenUnits.stream().anyMatch(units -> units < 1)) {
            throw new IllegalArgumentException("every hidden layer needs at least one unit, got " + hiddenUnits);
        }
        task = task == null ? family.defaultTask() : task;
        scaling = scaling == null ? TargetScaling.NONE : scaling;
        if (!family.supports(task)) {
            throw new IllegalArgumentException(family + " does not learn " + describe(task) + ": train one of "
                    + ModelFamily.supporting(task));
        }
        checkOutputs(family, task, outputs, size(inputShape));
        if (task != LabelTask.REGRESSION && !scaling.equals(TargetScaling.NONE)) {
            throw new IllegalArgumentException("a model of " + describe(task) + " has outputs that are not scaled "
                    + "targets: only a regression model's are");
        }
        checkFamilyLayout(family, inputShape, hiddenUnits);
        if (anchor != null && (!family.recurrent() || anchor.feature() >= inputShape.get(1))) {
            throw new IllegalArgumentException(family.recurrent()
                    ? "the anchor's target feature " + anchor.feature() + " is not one of the " + inputShape.get(1)
                            + " features of a window step"
                    : "a last-value anchor is for LSTM and GRU forecasters, not " + family);
        }
        if (threshold != null && task != LabelTask.ANOMALY) {
            throw new IllegalArgumentException("only an anomaly detector has an anomaly threshold, not a model of "
                    + describe(task));
        }
        if ((vocabulary != null) != (family == ModelFamily.EMBEDDING_BAG)) {
            throw new IllegalArgumentException(vocabulary == null
                    ? "EMBEDDING_BAG needs the vocabulary size of the prepared token ids (the fitted Tokenize "
                            + "step's words + 2): its embedding table has a row per id"
                    : "a vocabulary is for EMBEDDING_BAG text classifiers, not " + family);
        }
    }

    /** A spec without a vocabulary: of any family but EMBEDDING_BAG. */
    public ModelSpec(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits, int outputs,
            LabelTask task, TargetScaling scaling, LastValueAnchor anchor, AnomalyThreshold threshold) {
        this(family, inputShape, hiddenUnits, outputs, task, scaling, anchor, threshold, null);
    }

    /** A spec without an anchor, a threshold or a vocabulary. */
    public ModelSpec(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits, int outputs,
            LabelTask task, TargetScaling scaling) {
        this(family, inputShape, hiddenUnits, outputs, task, scaling, null, null, null);
    }

    /** A spec of the family's own task ({@link ModelFamily#defaultTask()}), unscaled. */
    public ModelSpec(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits, int outputs) {
        this(family, inputShape, hiddenUnits, outputs, family == null ? null : family.defaultTask(), TargetScaling.NONE);
    }

    /** Whether the model predicts classes (softmax outputs) rather than numbers. */
    public boolean classifier() {
        return task == LabelTask.CLASSIFICATION;
    }

    /** Whether the model scores rows by how badly it reconstructs them (task ANOMALY). */
    public boolean anomalyDetector() {
        return task == LabelTask.ANOMALY;
    }

    /** This spec with the targets standardised as {@code fitted} says. */
    public ModelSpec withScaling(TargetScaling fitted) {
        return new ModelSpec(family, inputShape, hiddenUnits, outputs, task, fitted, anchor, threshold, vocabulary);
    }

    /** This spec with its forecasts anchored on the last value of the target feature {@code lastValue} names. */
    public ModelSpec withAnchor(LastValueAnchor lastValue) {
        return new ModelSpec(family, inputShape, hiddenUnits, outputs, task, scaling, lastValue, threshold, vocabulary);
    }

    /** This spec with the anomaly threshold {@code fitted}. */
    public ModelSpec withThreshold(AnomalyThreshold fitted) {
        return new ModelSpec(family, inputShape, hiddenUnits, outputs, task, scaling, anchor, fitted, vocabulary);
    }

    private static String describe(LabelTask task) {
        return switch (task) {
            case CLASSIFICATION -> "classes (classification)";
            case REGRESSION -> "numbers (regression)";
            case ANOMALY -> "what is normal (anomaly detection)";
            case RECOMMENDATION -> "items for users (recommendation)";
        };
    }

    /**
     * A spec with the family's default layer sizes when {@code hiddenUnits} is empty.
     *
     * @throws IllegalArgumentException for EMBEDDING_BAG, which needs a vocabulary: call
     *                                  {@link #withDefaults(ModelFamily, List, List, int, LabelTask, Vocabulary)}
     */
    public static ModelSpec withDefaults(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits,
            int outputs) {
        return withDefaults(family, inputShape, hiddenUnits, outputs, family.defaultTask());
    }

    /**
     * As {@link #withDefaults(ModelFamily, List, List, int)}, for {@code task}. An autoencoder's
     * default is {@link #DEFAULT_AUTOENCODER_UNITS}, or one layer of half the input's values when
     * the input has 128 or fewer.
     */
    public static ModelSpec withDefaults(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits,
            int outputs, LabelTask task) {
        return withDefaults(family, inputShape, hiddenUnits, outputs, task, null);
    }

    /**
     * As {@link #withDefaults(ModelFamily, List, List, int, LabelTask)}, with the token ids of
     * prepared text: {@code vocabulary} is required for EMBEDDING_BAG and must be null for the
     * other families. An EMBEDDING_BAG's default is {@link #DEFAULT_EMBEDDING_UNITS}.
     */
    public static ModelSpec withDefaults(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits,
            int outputs, LabelTask task, Vocabulary vocabulary) {
        List<Integer> layers = hiddenUnits;
        if (layers.isEmpty()) {
            layers = switch (family) {
                case MLP -> DEFAULT_MLP_UNITS;
                case CNN -> DEFAULT_CNN_CHANNELS;
                case LSTM, GRU -> DEFAULT_RECURRENT_UNITS;
                case AUTOENCODER -> size(inputShape) > DEFAULT_AUTOENCODER_UNITS.get(0) ? DEFAULT_AUTOENCODER_UNITS
                        : List.of(Math.max(1, size(inputShape) / 2));
                case EMBEDDING_BAG -> DEFAULT_EMBEDDING_UNITS;
                case LOGISTIC_REGRESSION, LINEAR_REGRESSION -> layers;
            };
        }
        return new ModelSpec(family, inputShape, layers, outputs, task, TargetScaling.NONE, null, null, vocabulary);
    }

    /** Values in one input row: the product of the input shape. */
    public int inputSize() {
        return size(inputShape);
    }

    private static int size(List<Integer> shape) {
        return shape == null ? 0 : shape.stream().reduce(1, Math::multiplyExact);
    }

    /** The shape of a batch of {@code rows} inputs: {@code [rows, ...inputShape]}. */
    public long[] batchShape(long rows) {
        long[] shape = new long[inputShape.size() + 1];
        shape[0] = rows;
        for (int i = 0; i < inputShape.size(); i++) {
            shape[i + 1] = inputShape.get(i);
        }
        return shape;
    }

    private static void checkOutputs(ModelFamily family, LabelTask task, int outputs, int inputSize) {
        switch (task) {
            case CLASSIFICATION -> {
                if (outputs < 2) {
                    throw new IllegalArgumentException(family + " needs at least two classes, got " + outputs);
                }
            }
            case REGRESSION -> {
                if (outputs < 1) {
                    throw new IllegalArgumentException(family + " needs an output, got " + outputs);
                }
            }
            case ANOMALY -> {
                if (outputs != inputSize) {
                    throw new IllegalArgumentException(family + " reconstructs its input, so its outputs must equal "
                            + "the input size " + inputSize + ", got " + outputs);
                }
            }
            case RECOMMENDATION -> throw new IllegalArgumentException(family + " does not recommend: a recommender "
                    + "is a matrix factorisation (RecommenderSpec), trained from interactions");
        }
    }

    private static void checkFamilyLayout(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits) {
        switch (family) {
            case CNN -> {
                if (inputShape.size() != 3 || inputShape.get(1) < 4 || inputShape.get(2) < 4) {
                    throw new IllegalArgumentException("CNN needs images shaped [channels, height, width] of at least 4x4, got "
                            + inputShape + ": prepare the images with their channel axis, or train an MLP");
                }
                if (hiddenUnits.size() != 2) {
                    throw new IllegalArgumentException("CNN takes two channel counts (one per conv block), got " + hiddenUnits);
                }
            }
            case LOGISTIC_REGRESSION, LINEAR_REGRESSION -> {
                if (!hiddenUnits.isEmpty()) {
                    throw new IllegalArgumentException(family + " has no hidden layers; leave hidden_units empty or train an MLP");
                }
            }
            case LSTM, GRU -> {
                if (inputShape.size() != 2) {
                    throw new IllegalArgumentException(family + " needs windows shaped [window, features], got "
                            + inputShape + ": prepare the data with a sequence (window), or train an MLP");
                }
                if (hiddenUnits.isEmpty() || hiddenUnits.size() > MAX_RECURRENT_LAYERS) {
                    throw new IllegalArgumentException(family + " takes 1 to " + MAX_RECURRENT_LAYERS
                            + " state sizes (one per recurrent layer), got " + hiddenUnits);
                }
            }
            case AUTOENCODER -> {
                int inputSize = size(inputShape);
                if (hiddenUnits.isEmpty() || hiddenUnits.get(hiddenUnits.size() - 1) >= inputSize) {
                    throw new IllegalArgumentException("AUTOENCODER needs encoder widths whose last (the code) is "
                            + "narrower than the input's " + inputSize + " values, got " + hiddenUnits
                            + (inputSize < 2 ? ": a row of one value cannot be encoded smaller" : ""));
                }
            }
            case EMBEDDING_BAG -> {
                if (inputShape.size() != 1) {
                    throw new IllegalArgumentException("EMBEDDING_BAG needs token ids shaped [maxTokens], got "
                            + inputShape + ": prepare the text with the Tokenize step");
                }
                if (hiddenUnits.size() != 1) {
                    throw new IllegalArgumentException("EMBEDDING_BAG takes one embedding size, got " + hiddenUnits);
                }
            }
            case MLP -> {
                // any number of hidden layers, none included
            }
        }
    }
}
