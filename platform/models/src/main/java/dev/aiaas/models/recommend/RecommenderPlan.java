package dev.aiaas.models.recommend;

import dev.aiaas.models.DevicePreference;

/**
 * How a recommender is fitted: Adam over the training pairs in shuffled mini-batches, each
 * observed (user, item) pair ranked above {@code negatives} items the user has not interacted with.
 *
 * @param epochs       passes over the training pairs
 * @param batchSize    observed pairs per gradient step
 * @param learningRate Adam's step size
 * @param weightDecay  L2 penalty on both tables (Adam's weight decay); the flights need one: over 8
 *                     holdout seeds mean recall@10 was 0.537 without (below most-popular's 0.560),
 *                     0.598 at 1e-4, 0.637 at 3e-4, 0.634 at 5e-4
 * @param negatives    unobserved items sampled per observed pair
 * @param seed         seeds the initial vectors, the shuffles and the sampled negatives: the same
 *                     plan on the same interactions gives the same model (on the CPU)
 * @param device       where to train
 */
public record RecommenderPlan(int epochs, int batchSize, double learningRate, double weightDecay, int negatives,
        long seed, DevicePreference device) {

    /** The most negatives a plan may sample per pair. */
    public static final int MAX_NEGATIVES = 256;

    public RecommenderPlan {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("need epochs >= 1, batch size >= 1 and a finite learning rate > 0; got "
                    + epochs + ", " + batchSize + ", " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("the weight decay must be finite and >= 0, got " + weightDecay);
        }
        if (negatives < 1 || negatives > MAX_NEGATIVES) {
            throw new IllegalArgumentException("sample 1 to " + MAX_NEGATIVES + " negatives per pair, not "
                    + negatives);
        }
        if (device == null) {
            throw new IllegalArgumentException("name a device preference: AUTO, CPU or GPU");
        }
    }

    /**
     * What {@code FlightsRecommendationTest} measured best with: 40 epochs of 256 pairs, learning
     * rate 0.01, weight decay 3e-4, 4 negatives.
     */
    public static RecommenderPlan defaults(long seed, DevicePreference device) {
        return new RecommenderPlan(40, 256, 0.01, 3e-4, 4, seed, device);
    }
}
