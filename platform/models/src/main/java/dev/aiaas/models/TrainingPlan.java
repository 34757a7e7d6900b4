package dev.aiaas.models;

/**
 * How a model is fitted.
 *
 * @param epochs       passes over the training rows
 * @param batchSize    rows per gradient step
 * @param learningRate Adam's step size
 * @param seed         seeds the parameter initialisation and the shuffle of every epoch: the same
 *                     plan on the same data gives the same model (on the CPU)
 * @param device       where to train
 */
public record TrainingPlan(int epochs, int batchSize, double learningRate, long seed, DevicePreference device) {

    public TrainingPlan {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("need epochs >= 1, batch size >= 1 and a finite learning rate > 0; got "
                    + epochs + ", " + batchSize + ", " + learningRate);
        }
        if (device == null) {
            throw new IllegalArgumentException("name a device preference: AUTO, CPU or GPU");
        }
    }
}
