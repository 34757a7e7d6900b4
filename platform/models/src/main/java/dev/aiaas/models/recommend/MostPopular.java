package dev.aiaas.models.recommend;

import dev.aiaas.ml.interactions.IdIndex;
import dev.aiaas.ml.interactions.Interactions;
/**
 * The baseline every recommender must beat: each item scored by its summed weight over the
 * training interactions (with {@link Interactions.Weighting#ONE}, how many users have it), the
 * same for every user.
 */
public final class MostPopular implements ItemScorer {

    private final float[] popularity;
    private final int users;

    private MostPopular(float[] popularity, int users) {
        this.popularity = popularity;
        this.users = users;
    }

    /** The popularity of the items of {@code train}. */
    public static MostPopular of(Interactions train) {
        return new MostPopular(train.itemWeights(), train.userCount());
    }

    @Override
    public int itemCount() {
        return popularity.length;
    }

    @Override
    public float[] scores(int user) {
        IdIndex.checkRow(user, users, "user");
        return popularity.clone();
    }
}
