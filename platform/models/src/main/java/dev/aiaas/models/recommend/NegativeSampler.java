package dev.aiaas.models.recommend;

import dev.aiaas.ml.interactions.Interactions;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * Draws, uniformly and with replacement, items a user has not interacted with: a number below
 * the count of the user's unseen items, mapped to the unseen item of that rank by stepping over
 * the user's (sorted) seen items. No rejection loop, so a user who has seen nearly every item
 * costs no more than one who has seen few.
 */
final class NegativeSampler {

    private final int itemCount;
    private final int[][] seenItems;

    /**
     * @throws IllegalArgumentException when a user has interacted with every item: nothing is left to rank below
     */
    NegativeSampler(Interactions seen) {
        this(seen, user -> -1);
    }

    /**
     * Also never draws {@code selfItem}'s answer for a user (-1 for none): with shared ids, the
     * user's own id, which it is never recommended, so nothing trains its score.
     *
     * @throws IllegalArgumentException when a user has interacted with every other item
     */
    NegativeSampler(Interactions seen, IntUnaryOperator selfItem) {
        this.itemCount = seen.itemCount();
        this.seenItems = new int[seen.userCount()][];
        for (int user = 0; user < seen.userCount(); user++) {
            seenItems[user] = withItem(seen.itemsOf(user), selfItem.applyAsInt(user));
            if (seenItems[user].length >= seen.itemCount()) {
                throw new IllegalArgumentException("user " + seen.index().userId(user) + " has interacted with all "
                        + seen.itemCount() + " items, so no item is left to sample as a negative: drop that user");
            }
        }
    }

    /** {@code sorted} with {@code item} in its place, unless it is -1 or already there. */
    private static int[] withItem(int[] sorted, int item) {
        int at = Arrays.binarySearch(sorted, item);
        if (item < 0 || at >= 0) {
            return sorted;
        }
        int[] with = new int[sorted.length + 1];
        int insert = -at - 1;
        System.arraycopy(sorted, 0, with, 0, insert);
        with[insert] = item;
        System.arraycopy(sorted, insert, with, insert + 1, sorted.length - insert);
        return with;
    }

    /** An item user row {@code user} has not interacted with. */
    int sample(int user, Random random) {
        int item = random.nextInt(itemCount - seenItems[user].length);
        for (int taken : seenItems[user]) {
            if (taken > item) {
                break;
            }
            item++;
        }
        return item;
    }
}
