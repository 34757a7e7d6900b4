package dev.aiaas.models.recommend;

import java.util.Random;

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
        this.itemCount = seen.itemCount();
        this.seenItems = new int[seen.userCount()][];
        for (int user = 0; user < seen.userCount(); user++) {
            seenItems[user] = seen.itemsOf(user);
            if (seen.countOf(user) >= seen.itemCount()) {
                throw new IllegalArgumentException("user " + seen.index().userId(user) + " has interacted with all "
                        + seen.itemCount() + " items, so no item is left to sample as a negative: drop that user");
            }
        }
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
