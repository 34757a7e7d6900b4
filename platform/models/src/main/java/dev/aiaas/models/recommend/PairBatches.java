package dev.aiaas.models.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.aiaas.ml.interactions.Interactions;
import java.util.Random;

/**
 * The training pairs cut into mini-batches: for each observed pair its user row, its item row
 * followed by freshly sampled negatives, and its weight over the mean weight; rows as the
 * {@link FactorBlock} reads them.
 */
final class PairBatches {

    /**
     * One batch: the Block's rows of users {@code [b]} and of items {@code [b, 1 + negatives]}
     * (observed first), weights {@code [b]}.
     */
    record Batch(NDArray users, NDArray items, NDArray weights, int size) {
    }

    private final Interactions pairs;
    private final FactorBlock block;
    private final NegativeSampler negatives;
    private final int perPair;
    private final int batchSize;
    private final float meanWeight;

    PairBatches(Interactions pairs, FactorBlock block, NegativeSampler negatives, RecommenderPlan plan) {
        this.pairs = pairs;
        this.block = block;
        this.negatives = negatives;
        this.perPair = plan.negatives();
        this.batchSize = plan.batchSize();
        double sum = 0;
        for (int n = 0; n < pairs.size(); n++) {
            sum += pairs.weight(n);
        }
        this.meanWeight = (float) (sum / pairs.size());
    }

    int count() {
        return (pairs.size() + batchSize - 1) / batchSize;
    }

    /** The pairs' positions in a new random order (Fisher–Yates). */
    int[] shuffledOrder(Random random) {
        int[] order = new int[pairs.size()];
        for (int n = 0; n < order.length; n++) {
            order[n] = n;
        }
        for (int n = order.length - 1; n > 0; n--) {
            int other = random.nextInt(n + 1);
            int swap = order[n];
            order[n] = order[other];
            order[other] = swap;
        }
        return order;
    }

    /** Batch {@code index} of {@code order}, its arrays on {@code manager}, its negatives drawn from {@code random}. */
    Batch batch(NDManager manager, int[] order, int index, Random random) {
        int from = index * batchSize;
        int size = Math.min(batchSize, order.length - from);
        long[] users = new long[size];
        long[] items = new long[size * (1 + perPair)];
        float[] weights = new float[size];
        for (int row = 0; row < size; row++) {
            int pair = order[from + row];
            int user = pairs.user(pair);
            users[row] = block.userInput(user);
            items[row * (1 + perPair)] = block.itemInput(pairs.item(pair));
            for (int negative = 1; negative <= perPair; negative++) {
                items[row * (1 + perPair) + negative] = block.itemInput(negatives.sample(user, random));
            }
            weights[row] = pairs.weight(pair) / meanWeight;
        }
        return new Batch(manager.create(users), manager.create(items, new Shape(size, 1 + perPair)),
                manager.create(weights), size);
    }
}
