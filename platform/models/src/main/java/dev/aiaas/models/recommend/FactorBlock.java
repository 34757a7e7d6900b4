package dev.aiaas.models.recommend;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.aiaas.ml.interactions.IdIndex;
import java.util.Map;

/**
 * The Block of a recommender's tables, in either layout of {@link RecommenderSpec}: what the
 * trainer feeds it, which item a user never gets, and how its tables leave the engine. Its input
 * is a row of its own per user {@code [batch]} and per item {@code [batch, n]} (int64), its output
 * the scores {@code [batch, n]}.
 */
sealed interface FactorBlock extends Block permits MatrixFactorisation, SharedIdFactorisation {

    /** The Block {@code spec} describes, its rows numbered by {@code index}. */
    static FactorBlock of(RecommenderSpec spec, IdIndex index) {
        return spec.sharedIds() ? new SharedIdFactorisation(spec, SharedIds.of(index)) : new MatrixFactorisation(spec);
    }

    /** The shapes of one user and {@code items} of its items, for initialising the Block. */
    static Shape[] inputShapes(int items) {
        return new Shape[] {new Shape(1), new Shape(1, items)};
    }

    /** The row the Block reads for user row {@code user}. */
    int userInput(int user);

    /** The row the Block reads for item row {@code item}. */
    int itemInput(int item);

    /** The item row user row {@code user} is never recommended nor trained against, or -1 for none. */
    int selfItem(int user);

    /** The tables as the spec requires them, by parameter name: what loading holds the read tables against. */
    Map<String, Shape> tableShapes();

    /** The tables copied out of the engine as a user and an item vector per row. */
    Factors factors();
}
