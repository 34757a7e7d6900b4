package dev.aiaas.models.recommend;

import dev.aiaas.ml.interactions.IdIndex;
/**
 * The tables copied out of the engine as a vector per user and per item, row-major: scoring a
 * user is a few thousand multiply-adds, cheaper in plain Java than a round trip through the
 * engine's arrays, and needs no native memory per call.
 *
 * @param selfItems per user row, the item row it is never recommended (scored −∞), or -1; empty for none at all
 */
record Factors(int dimension, float[] users, float[] items, int[] selfItems) implements ItemScorer {

    /** Users and items that never share an id. */
    Factors(int dimension, float[] users, float[] items) {
        this(dimension, users, items, new int[0]);
    }

    int userCount() {
        return users.length / dimension;
    }

    @Override
    public int itemCount() {
        return items.length / dimension;
    }

    /** The item row user row {@code user} is never recommended, or -1. */
    int selfItem(int user) {
        return selfItems.length > 0 ? selfItems[user] : -1;
    }

    /** The dot product of user row {@code user}'s vector with every item's; −∞ for its own id's item. */
    @Override
    public float[] scores(int user) {
        IdIndex.checkRow(user, userCount(), "user");
        float[] scores = new float[itemCount()];
        int from = user * dimension;
        for (int item = 0; item < scores.length; item++) {
            int at = item * dimension;
            float sum = 0;
            for (int d = 0; d < dimension; d++) {
                sum += users[from + d] * items[at + d];
            }
            scores[item] = sum;
        }
        if (selfItem(user) >= 0) {
            scores[selfItem(user)] = Float.NEGATIVE_INFINITY;
        }
        return scores;
    }
}
