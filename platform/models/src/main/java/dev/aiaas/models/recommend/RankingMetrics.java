package dev.aiaas.models.recommend;

import java.util.Map;

/**
 * How well a scorer's top {@code k} found held-out items, averaged over the users that have any.
 *
 * @param k        how many items were recommended to each user
 * @param recall   the mean over users of (held-out items in the top k) / (held-out items)
 * @param ndcg     the mean over users of DCG / ideal DCG, binary relevance, log2 discount
 * @param coverage the share of the catalogue recommended to at least one of those users
 * @param users    how many users had held-out items
 */
public record RankingMetrics(int k, double recall, double ndcg, double coverage, int users) {

    /** The metrics by name, {@code recall_at_10}, {@code ndcg_at_10}, {@code coverage_at_10}, as jobs record them. */
    public Map<String, Double> asMap() {
        return Map.of("recall_at_" + k, recall, "ndcg_at_" + k, ndcg, "coverage_at_" + k, coverage);
    }
}
