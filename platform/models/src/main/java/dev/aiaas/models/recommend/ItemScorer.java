package dev.aiaas.models.recommend;

/** Scores every item for a user: what {@link RecommenderEvaluation} ranks. */
public interface ItemScorer {

    /** How many items each score array holds. */
    int itemCount();

    /**
     * A score for each item row for user row {@code user}, higher meaning more recommended.
     *
     * @throws IllegalArgumentException for a user row the scorer does not know
     */
    float[] scores(int user);
}
