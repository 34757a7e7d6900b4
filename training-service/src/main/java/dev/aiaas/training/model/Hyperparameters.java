package dev.aiaas.training.model;

import dev.aiaas.errors.DomainException;
import java.util.List;

/**
 * How a model is trained; zero values take the defaults.
 *
 * @param anomalyQuantile an anomaly detector's threshold: this quantile of the normal validation rows' scores
 * @param negatives       a recommender's unobserved items sampled per observed pair (0 = its default)
 * @param weightDecay     a recommender's L2 penalty on its vectors (0 = its default)
 */
public record Hyperparameters(int epochs, int batchSize, double learningRate, List<Integer> hiddenUnits, long seed,
        double anomalyQuantile, int negatives, double weightDecay) {

    /** The most negatives a job may sample per pair. */
    public static final int MAX_NEGATIVES = 256;

    public static final double DEFAULT_ANOMALY_QUANTILE = 0.95;

    public static final int DEFAULT_EPOCHS = 20;
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    /** Fills defaults and refuses values no training could use or this service allows. */
    public Hyperparameters withDefaults(JobLimits limits) {
        if (epochs < 0 || batchSize < 0 || learningRate < 0) {
            throw DomainException.invalid("epochs, batch size and learning rate must be positive (0 = default)");
        }
        if (epochs > limits.maxEpochs()) {
            throw DomainException.invalid(epochs + " epochs is more than the " + limits.maxEpochs() + " a job may run");
        }
        if (batchSize > limits.maxBatchSize()) {
            throw DomainException.invalid("batch size " + batchSize + " is more than the " + limits.maxBatchSize()
                    + " allowed");
        }
        if (hiddenUnits.size() > limits.maxHiddenLayers()) {
            throw DomainException.invalid(hiddenUnits.size() + " hidden layers is more than the "
                    + limits.maxHiddenLayers() + " allowed");
        }
        if (hiddenUnits.stream().anyMatch(units -> units < 1 || units > limits.maxHiddenUnits())) {
            throw DomainException.invalid("every hidden layer needs 1 to " + limits.maxHiddenUnits() + " units, not "
                    + hiddenUnits);
        }
        if (Double.isNaN(learningRate) || learningRate > 10) {
            throw DomainException.invalid("learning rate " + learningRate + " is not usable: try 0.001 to 0.1");
        }
        if (negatives < 0 || negatives > MAX_NEGATIVES) {
            throw DomainException.invalid(negatives + " negatives per pair is not allowed: sample 1 to " + MAX_NEGATIVES
                    + " (0 = default)");
        }
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            throw DomainException.invalid("weight decay " + weightDecay + " must lie in [0, 1], for example 3e-4"
                    + " (0 = default)");
        }
        if (!(anomalyQuantile >= 0 && anomalyQuantile < 1)) {
            throw DomainException.invalid("anomaly quantile " + anomalyQuantile
                    + " must lie in (0, 1), for example 0.95 (0 = default)");
        }
        return new Hyperparameters(
                epochs == 0 ? DEFAULT_EPOCHS : epochs,
                batchSize == 0 ? DEFAULT_BATCH_SIZE : batchSize,
                learningRate == 0 ? DEFAULT_LEARNING_RATE : learningRate,
                List.copyOf(hiddenUnits),
                seed,
                anomalyQuantile == 0 ? DEFAULT_ANOMALY_QUANTILE : anomalyQuantile,
                negatives,
                weightDecay);
    }
}
