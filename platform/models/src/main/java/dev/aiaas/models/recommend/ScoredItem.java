package dev.aiaas.models.recommend;

import dev.aiaas.ml.interactions.IdIndex;
/**
 * A recommended item.
 *
 * @param item  the item's row in the recommender's {@link IdIndex}
 * @param score its score for the user: only the order of scores means anything
 */
public record ScoredItem(int item, float score) {
}
