package dev.aiaas.models.recommend;

/**
 * The two tables copied out of the engine, row-major: scoring a user is a few thousand
 * multiply-adds, cheaper in plain Java than a round trip through the engine's arrays, and
 * needs no native memory per call.
 */
record Factors(int dimension, float[] users, float[] items) implements ItemScorer {

    int userCount() {
        return users.length / dimension;
    }

    @Override
    public int itemCount() {
        return items.length / dimension;
    }

    /** The dot product of user row {@code user}'s vector with every item's. */
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
        return scores;
    }
}
