package dev.aiaas.models.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Bayesian personalised ranking: for scores {@code [batch, 1 + negatives]} whose first column
 * is the observed item, the mean over the negatives of {@code −log σ(s_ui − s_uj)}, weighted by
 * the pair's weight (the label, {@code [batch]}), averaged over the batch.
 */
final class BprLoss extends Loss {

    BprLoss() {
        super("BprLoss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray scores = predictions.singletonOrThrow();
        NDArray margins = scores.get(":, 0:1").sub(scores.get(":, 1:"));
        return softPlus(margins.neg()).mean(new int[] {1}).mul(labels.singletonOrThrow()).mean();
    }

    /** {@code log(1 + e^x)} without overflow: {@code max(x, 0) + log(1 + e^−|x|)}. */
    private static NDArray softPlus(NDArray x) {
        return x.maximum(0).add(x.abs().neg().exp().add(1).log());
    }
}
