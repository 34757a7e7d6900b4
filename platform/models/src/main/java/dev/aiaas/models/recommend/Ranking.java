package dev.aiaas.models.recommend;

import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The top {@code k} items of a score array, best first. Ties go to the lower item row and NaN
 * ranks below every number, so the same scores always give the same list.
 */
final class Ranking {

    /** Better first: the higher score, then the lower row. */
    private static final Comparator<ScoredItem> BETTER_FIRST = Comparator
            .comparingDouble((ScoredItem s) -> Float.isNaN(s.score()) ? Double.NEGATIVE_INFINITY : s.score())
            .reversed().thenComparingInt(ScoredItem::item);

    private Ranking() {
    }

    /**
     * @param excluded item rows never ranked, ascending
     * @throws IllegalArgumentException when {@code k} is below 1
     */
    static ScoredItem[] top(float[] scores, int k, int[] excluded) {
        if (k < 1) {
            throw new IllegalArgumentException("ask for at least one item, not " + k);
        }
        // a heap of the k best so far, worst on top: n log k rather than sorting the catalogue
        PriorityQueue<ScoredItem> best = new PriorityQueue<>(k + 1, BETTER_FIRST.reversed());
        for (int item = 0; item < scores.length; item++) {
            if (Arrays.binarySearch(excluded, item) >= 0) {
                continue;
            }
            best.add(new ScoredItem(item, scores[item]));
            if (best.size() > k) {
                best.poll();
            }
        }
        ScoredItem[] ranked = best.toArray(ScoredItem[]::new);
        Arrays.sort(ranked, BETTER_FIRST);
        return ranked;
    }
}
