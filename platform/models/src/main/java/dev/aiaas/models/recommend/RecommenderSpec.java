package dev.aiaas.models.recommend;

import dev.aiaas.ml.interactions.Interactions;
/**
 * The shape of a matrix-factorisation recommender, in one of two layouts.
 *
 * <p><b>Separate tables</b> ({@code entities == 0}): a vector of {@code dimension} numbers for
 * every user and every item, a user's score for an item being the dot product of their vectors.
 * No item biases: in a NumPy prototype of this training on the flights (4 holdout seeds) they
 * gave recall@10 0.609 against 0.613 without, and cut coverage@10 from 0.60 to 0.51.
 *
 * <p><b>Shared ids</b> ({@code entities > 0}), for users and items of one kind (airports as
 * origins and destinations, people who follow people): the union of the user and item ids are
 * {@code entities}, each with two vectors of {@code dimension} numbers, {@code e} and {@code c}
 * (as word2vec's word and context vectors); the score of user {@code u} for item {@code i} is
 * {@code e[u]·c[i] + c[u]·e[i]}, the same as {@code i}'s for {@code u}, so a pair seen one way
 * informs the other, and an id is never recommended to itself. See {@link SharedIdFactorisation}
 * for what was measured.
 *
 * @param dimension the length of each vector
 * @param users     how many users (rows of the user table)
 * @param items     how many items (rows of the item table)
 * @param entities  how many distinct ids users and items have together when they share ids
 *                  ({@link SharedIds}); 0 for separate user and item tables
 */
public record RecommenderSpec(int dimension, int users, int items, int entities) {

    /** The dimension the flights were measured with. */
    public static final int DEFAULT_DIMENSION = 32;
    /** The longest vector a spec may ask for. */
    public static final int MAX_DIMENSION = 1024;
    /** The most numbers all tables together may hold (400 MB of float32), checked before allocating. */
    public static final long MAX_PARAMETERS = 100_000_000L;

    /**
     * @throws IllegalArgumentException when a size is below 1, the dimension above
     *                                  {@link #MAX_DIMENSION}, the entities cannot be the union of the
     *                                  users and items, or the tables hold more than {@link #MAX_PARAMETERS}
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
        if (entities != 0 && (entities < Math.max(users, items) || entities > (long) users + items)) {
            throw new IllegalArgumentException("the ids shared by " + users + " users and " + items + " items number "
                    + Math.max(users, items) + " to " + ((long) users + items) + ", not " + entities
                    + " (0 for separate user and item tables)");
        }
        long parameters = parameters(dimension, users, items, entities);
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException(users + " users and " + items + " items of dimension " + dimension
                    + (entities > 0 ? " sharing " + entities + " ids" : "") + " need " + parameters
                    + " parameters, more than the " + MAX_PARAMETERS
                    + " allowed: lower the dimension or keep fewer users or items");
        }
    }

    /** Separate user and item tables. */
    public RecommenderSpec(int dimension, int users, int items) {
        this(dimension, users, items, 0);
    }

    /** A spec of {@code dimension} for the users and items of {@code interactions}' index, in separate tables. */
    public static RecommenderSpec forInteractions(int dimension, Interactions interactions) {
        return forInteractions(dimension, interactions, false);
    }

    /**
     * A spec of {@code dimension} for the users and items of {@code interactions}' index.
     *
     * @param sharedIds whether a user and an item with the same id are one entity with one pair of
     *                  vectors (see the class comment); false for separate tables
     */
    public static RecommenderSpec forInteractions(int dimension, Interactions interactions, boolean sharedIds) {
        return new RecommenderSpec(dimension, interactions.userCount(), interactions.itemCount(),
                sharedIds ? SharedIds.of(interactions.index()).entityCount() : 0);
    }

    /** Whether users and items share ids: one entity table rather than a user and an item table. */
    public boolean sharedIds() {
        return entities > 0;
    }

    /** How many numbers the tables hold. */
    public long parameters() {
        return parameters(dimension, users, items, entities);
    }

    private static long parameters(int dimension, int users, int items, int entities) {
        return entities > 0 ? 2L * entities * dimension : ((long) users + items) * dimension;
    }

    /**
     * Checks that {@code interactions} number their users and items (and, sharing ids, their
     * entities) as this spec does.
     *
     * @throws IllegalArgumentException when they do not
     */
    public void checkFits(Interactions interactions, String what) {
        if (interactions.userCount() != users || interactions.itemCount() != items) {
            throw new IllegalArgumentException("the " + what + " interactions index " + interactions.userCount()
                    + " users and " + interactions.itemCount() + " items but the recommender has " + users
                    + " and " + items + ": build every split over the index of the training interactions");
        }
        if (sharedIds() && SharedIds.of(interactions.index()).entityCount() != entities) {
            throw new IllegalArgumentException("the " + what + " interactions' users and items share "
                    + SharedIds.of(interactions.index()).entityCount() + " ids but the recommender has " + entities
                    + ": build every split over the index of the training interactions");
        }
    }
}
