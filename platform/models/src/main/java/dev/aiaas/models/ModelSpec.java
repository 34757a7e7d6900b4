package dev.aiaas.models;

import dev.aiaas.ml.transform.LabelTask;
import java.util.List;

/**
 * Everything needed to rebuild a model's Block: saved parameters hold no architecture,
 * so serving reads this ({@code model-spec.json}) before it loads {@code model.params}.
 *
 * @param family      the layout of the network
 * @param inputShape  shape of one input row, e.g. {@code [4]} or {@code [1, 28, 28]}
 * @param hiddenUnits widths of the hidden layers (MLP) or channel counts of the two conv blocks (CNN);
 *                    empty for the regressions
 * @param outputs     class count for classifiers, number of predicted values for regression
 * @param task        what it learns: classes or numbers (the family must support it)
 * @param scaling     how regression targets were standardised for training; {@link TargetScaling#NONE}
 *                    for classifiers
 */
public record ModelSpec(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits, int outputs,
        LabelTask task, TargetScaling scaling) {

    /** Hidden layer widths of an MLP when the job names none. */
    public static final List<Integer> DEFAULT_MLP_UNITS = List.of(64);
    /** Channels of a CNN's two conv blocks when the job names none. */
    public static final List<Integer> DEFAULT_CNN_CHANNELS = List.of(8, 16);

    /**
     * @throws IllegalArgumentException naming what to change when the spec cannot describe a model
     */
    public ModelSpec {
        if (family == null) {
            throw new IllegalArgumentException("a model spec needs a family: one of MLP, CNN, LOGISTIC_REGRESSION, LINEAR_REGRESSION");
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
        boolean classes = task == LabelTask.CLASSIFICATION;
        if (outputs < 1 || classes && outputs < 2) {
            throw new IllegalArgumentException(family + " needs " + (classes ? "at least two classes" : "an output")
                    + ", got " + outputs);
        }
        if (classes && !scaling.equals(TargetScaling.NONE)) {
            throw new IllegalArgumentException("a classifier's outputs are not scaled targets");
        }
        checkFamilyLayout(family, inputShape, hiddenUnits);
    }

    /** A spec of the family's own task ({@link ModelFamily#defaultTask()}), unscaled. */
    public ModelSpec(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits, int outputs) {
        this(family, inputShape, hiddenUnits, outputs, family == null ? null : family.defaultTask(), TargetScaling.NONE);
    }

    /** Whether the model predicts classes (softmax outputs) rather than numbers. */
    public boolean classifier() {
        return task == LabelTask.CLASSIFICATION;
    }

    /** This spec with the targets standardised as {@code fitted} says. */
    public ModelSpec withScaling(TargetScaling fitted) {
        return new ModelSpec(family, inputShape, hiddenUnits, outputs, task, fitted);
    }

    private static String describe(LabelTask task) {
        return task == LabelTask.CLASSIFICATION ? "classes (classification)" : "numbers (regression)";
    }

    /**
     * A spec with the family's default layer sizes when {@code hiddenUnits} is empty.
     */
    public static ModelSpec withDefaults(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits,
            int outputs) {
        return withDefaults(family, inputShape, hiddenUnits, outputs, family.defaultTask());
    }

    /** As {@link #withDefaults(ModelFamily, List, List, int)}, for {@code task}. */
    public static ModelSpec withDefaults(ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits,
            int outputs, LabelTask task) {
        List<Integer> layers = hiddenUnits;
        if (layers.isEmpty() && family == ModelFamily.MLP) {
            layers = DEFAULT_MLP_UNITS;
        } else if (layers.isEmpty() && family == ModelFamily.CNN) {
            layers = DEFAULT_CNN_CHANNELS;
        }
        return new ModelSpec(family, inputShape, layers, outputs, task, TargetScaling.NONE);
    }

    /** Values in one input row: the product of the input shape. */
    public int inputSize() {
        return inputShape.stream().reduce(1, Math::multiplyExact);
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
            case MLP -> {
                // any number of hidden layers, none included
            }
        }
    }
}
