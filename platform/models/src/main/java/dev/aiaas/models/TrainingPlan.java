package dev.aiaas.models;

/**
 * How a model is fitted.
 *
 * @param epochs          passes over the training rows
 * @param batchSize       rows per gradient step
 * @param learningRate    Adam's step size
 * @param seed            seeds the parameter initialisation and the shuffle of every epoch: the same
 *                        plan on the same data gives the same model (on the CPU)
 * @param device          where to train
 * @param anomalyQuantile for anomaly detectors, the quantile of the normal validation rows' scores
 *                        taken as the threshold, in (0, 1); ignored by other models
 */
public record TrainingPlan(int epochs, int batchSize, double learningRate, long seed, DevicePreference device,
        double anomalyQuantile) {

    public TrainingPlan {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("need epochs >= 1, batch size >= 1 and a finite learning rate > 0; got "
                    + epochs + ", " + batchSize + ", " + learningRate);
        }
        if (device == null) {
            throw new IllegalArgumentException("name a device preference: AUTO, CPU or GPU");
        }
        AnomalyThreshold.checkQuantile(anomalyQuantile);
    }

    /** A plan whose anomaly threshold, if any, is {@link AnomalyThreshold#DEFAULT_QUANTILE}. */
    public TrainingPlan(int epochs, int batchSize, double learningRate, long seed, DevicePreference device) {
        this(epochs, batchSize, learningRate, seed, device, AnomalyThreshold.DEFAULT_QUANTILE);
    }

    /** This plan with the anomaly threshold taken at {@code quantile}. */
    public TrainingPlan withAnomalyQuantile(double quantile) {
        return new TrainingPlan(epochs, batchSize, learningRate, seed, device, quantile);
    }
}
