package dev.aiaas.monitoring.model;

import java.util.List;

/**
 * Hyperparameters a retraining job takes instead of the champion's; 0 (or empty) keeps the
 * champion's.
 */
public record TrainingOverrides(int epochs, int batchSize, double learningRate, List<Integer> hiddenUnits,
        long seed, double weightDecay) {

    public static final TrainingOverrides NONE = new TrainingOverrides(0, 0, 0, List.of(), 0, 0);

    public TrainingOverrides {
        hiddenUnits = List.copyOf(hiddenUnits);
    }
}
