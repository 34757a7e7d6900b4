package dev.aiaas.models;

/**
 * How a regression model's targets were standardised for training: it learns
 * {@code (y − mean) / std} and its outputs are mapped back with {@code y·std + mean}, so the
 * optimiser sees values of unit scale whatever the target's units (miles per gallon, dollars)
 * while every prediction and metric is in those units. Fitted on the training split only.
 *
 * <p>A forecaster with a {@link LastValueAnchor} learns {@code (y − last) / std} instead, where
 * {@code last} is the window's last target value: its scaling is fitted on those differences, and
 * as the anchor adds {@code (last − mean) / std} to the network's output, predictions are still
 * {@code output·std + mean} in the target's units.
 *
 * @param mean the training targets' mean (for an anchored forecaster, of their differences from the last value)
 * @param std  their standard deviation; 1 when they are all equal
 */
public record TargetScaling(double mean, double std) {

    /** No scaling: classifiers, and regression models from before scaling. */
    public static final TargetScaling NONE = new TargetScaling(0, 1);

    public TargetScaling {
        if (!Double.isFinite(mean) || !Double.isFinite(std) || std <= 0) {
            throw new IllegalArgumentException("a target scaling needs a finite mean and a positive std, got mean "
                    + mean + " and std " + std);
        }
    }

    /** The scaling of {@code targets}: their mean and (population) standard deviation. */
    public static TargetScaling fit(float[] targets) {
        if (targets.length == 0) {
            throw new IllegalArgumentException("cannot fit a target scaling on no targets");
        }
        double sum = 0;
        for (float target : targets) {
            sum += target;
        }
        double mean = sum / targets.length;
        double squares = 0;
        for (float target : targets) {
            squares += (target - mean) * (target - mean);
        }
        double std = Math.sqrt(squares / targets.length);
        return new TargetScaling(mean, std > 0 && Double.isFinite(std) ? std : 1);
    }

    /** A new array of {@code targets} standardised. */
    public float[] scale(float[] targets) {
        float[] scaled = new float[targets.length];
        for (int i = 0; i < targets.length; i++) {
            scaled[i] = (float) ((targets[i] - mean) / std);
        }
        return scaled;
    }

    /** Maps standardised outputs back to the target's units, in place; returns them. */
    public float[] unscale(float[] outputs) {
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = (float) (outputs[i] * std + mean);
        }
        return outputs;
    }

    /** A squared error measured on standardised values, in the target's squared units. */
    public double unscaleSquared(double squaredError) {
        return squaredError * std * std;
    }
}
