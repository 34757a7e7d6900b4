package dev.aiaas.models;

/**
 * Anchors a forecaster on the last value of its target in the input window: the network
 * learns a correction to "the next values equal the last one", which is added to that last
 * value. The anchor has no parameters: it is rebuilt exactly from the spec, since the target
 * is one of the window's per-step features and this record says how the preparation scaled it.
 *
 * @param feature index of the target among the features of one window step
 * @param mean    what the preparation subtracted from that feature (0 when it was left raw)
 * @param std     what it then divided by (1 when it was left raw)
 */
public record LastValueAnchor(int feature, double mean, double std) {

    public LastValueAnchor {
        if (feature < 0) {
            throw new IllegalArgumentException("the anchor's target feature index must be 0 or more, got " + feature);
        }
        if (!Double.isFinite(mean) || !Double.isFinite(std) || std <= 0) {
            throw new IllegalArgumentException("the anchor needs the target feature's finite mean and positive std, got "
                    + "mean " + mean + " and std " + std);
        }
    }

    /** An anchor on a feature the preparation left in the target's units. */
    public static LastValueAnchor raw(int feature) {
        return new LastValueAnchor(feature, 0, 1);
    }

    /**
     * The target's last value in window {@code row}, in the target's units.
     *
     * @param windows  windows of {@code window} steps of {@code features} values each, step-major
     */
    public double lastValue(float[] windows, int row, int window, int features) {
        return windows[(row * window + window - 1) * features + feature] * std + mean;
    }
}
