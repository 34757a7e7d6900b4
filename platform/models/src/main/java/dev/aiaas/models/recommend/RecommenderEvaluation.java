package dev.aiaas.models.recommend;

import dev.aiaas.ml.interactions.HoldOut;
import dev.aiaas.ml.interactions.Interactions;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Scores a recommender on held-out interactions as users meet it: each user's known items
 * (those it was trained on) are never recommended, and the top {@code k} of the rest is checked
 * against the user's held-out items.
 */
public final class RecommenderEvaluation {

    private RecommenderEvaluation() {
    }

    /**
     * @param known   each user's items that are never ranked: the training interactions
     * @param heldOut each user's items to find; users without any are left out of the means
     * @throws IllegalArgumentException when the interactions do not share the scorer's items,
     *                                  none is held out, or a held-out pair is also known
     */
    public static RankingMetrics evaluate(ItemScorer scorer, Interactions known, Interactions heldOut, int k) {
        if (!known.index().equals(heldOut.index()) || scorer.itemCount() != known.itemCount()) {
            throw new IllegalArgumentException("the known and held-out interactions and the scorer must share one index"
                    + " of users and items: split the interactions the model was trained on");
        }
        double recall = 0;
        double ndcg = 0;
        int users = 0;
        BitSet recommended = new BitSet(known.itemCount());
        for (int user = 0; user < heldOut.userCount(); user++) {
            int[] relevant = heldOut.itemsOf(user);
            if (relevant.length == 0) {
                continue;
            }
            int[] excluded = known.itemsOf(user);
            checkDisjoint(known, user, relevant, excluded);
            ScoredItem[] top = Ranking.top(scorer.scores(user), k, excluded);
            int hits = 0;
            double dcg = 0;
            for (int rank = 0; rank < top.length; rank++) {
                recommended.set(top[rank].item());
                if (Arrays.binarySearch(relevant, top[rank].item()) >= 0) {
                    hits++;
                    dcg += discount(rank);
                }
            }
            recall += hits / (double) relevant.length;
            ndcg += dcg / idealDcg(Math.min(k, relevant.length));
            users++;
        }
        if (users == 0) {
            throw new IllegalArgumentException("no held-out interactions to evaluate on: hold out some of each user's "
                    + "items (HoldOut)");
        }
        double coverage = recommended.cardinality() / (double) known.itemCount();
        return new RankingMetrics(k, recall / users, ndcg / users, coverage, users);
    }

    private static double discount(int rank) {
        return 1 / (Math.log(rank + 2) / Math.log(2));
    }

    private static double idealDcg(int relevant) {
        double dcg = 0;
        for (int rank = 0; rank < relevant; rank++) {
            dcg += discount(rank);
        }
        return dcg;
    }

    private static void checkDisjoint(Interactions known, int user, int[] relevant, int[] excluded) {
        for (int item : relevant) {
            if (Arrays.binarySearch(excluded, item) >= 0) {
                throw new IllegalArgumentException("user " + known.index().userId(user) + "'s held-out item "
                        + known.index().itemId(item) + " is also among its known items, so it could never be found");
            }
        }
    }
}
