package dev.aiaas.models.recommend;

/**
 * The shape of a matrix-factorisation recommender: a vector of {@code dimension} numbers for
 * every user and every item, a user's score for an item being the dot product of their vectors.
 * No item biases: in a NumPy prototype of this training on the flights (4 holdout seeds) they
 * gave recall@10 0.609 against 0.613 without, and cut coverage@10 from 0.60 to 0.51.
 *
 * @param dimension the length of each vector
 * @param users     how many users (rows of the user table)
 * @param items     how many items (rows of the item table)
 */
public record RecommenderSpec(int dimension, int users, int items) {

    /** The dimension the flights were measured with. */
    public static final int DEFAULT_DIMENSION = 32;
    /** The longest vector a spec may ask for. */
    public static final int MAX_DIMENSION = 1024;
    /** The most numbers both tables together may hold (400 MB of float32), checked before allocating. */
    public static final long MAX_PARAMETERS = 100_000_000L;

    /**
     * @throws IllegalArgumentException when a size is below 1, the dimension above
     *                                  {@link #MAX_DIMENSION} or the tables above {@link #MAX_PARAMETERS}
     */
    public RecommenderSpec {
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("a recommender's dimension must be 1 to " + MAX_DIMENSION + ", got "
                    + dimension);
        }
        if (users < 1 || items < 1) {
            throw new IllegalArgumentException("a recommender needs at least one user and one item, got " + users
                    + " users and " + items + " items");
        }
        long parameters = ((long) users + items) * dimension;
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException(users + " users and " + items + " items of dimension " + dimension
                    + " need " + parameters + " parameters, more than the " + MAX_PARAMETERS
                    + " allowed: lower the dimension or keep fewer users or items");
        }
    }

    /** A spec of {@code dimension} for the users and items of {@code interactions}' index. */
    public static RecommenderSpec forInteractions(int dimension, Interactions interactions) {
        return new RecommenderSpec(dimension, interactions.userCount(), interactions.itemCount());
    }

    /**
     * Checks that {@code interactions} number their users and items as this spec does.
     *
     * @throws IllegalArgumentException when they do not
     */
    public void checkFits(Interactions interactions, String what) {
        if (interactions.userCount() != users || interactions.itemCount() != items) {
            throw new IllegalArgumentException("the " + what + " interactions index " + interactions.userCount()
                    + " users and " + interactions.itemCount() + " items but the recommender has " + users
                    + " and " + items + ": build every split over the index of the training interactions");
        }
    }
}
