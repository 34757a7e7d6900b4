package dev.aiaas.ml.interactions;

import java.util.Arrays;
import java.util.Random;

/**
 * Splits interactions per user, the way a recommender meets new data: for each user with at
 * least two items, a seeded random share of them is held out for test (at least one) and another
 * for validation; at least one always stays in train. Users with a single item stay in train
 * whole. Each pair keeps its weight.
 *
 * @param testShare       the share of a user's items held out for test, in (0, 1)
 * @param validationShare the share held out for validation, in [0, 1); rounded, so small users may get none
 * @param seed            seeds the draw: the same seed splits the same interactions alike
 */
public record HoldOut(double testShare, double validationShare, long seed) {

    /** Train, validation and test interactions over the index of the split interactions. */
    public record Split(Interactions train, Interactions validation, Interactions test) {
    }

    public HoldOut {
        if (!(testShare > 0 && testShare < 1) || !(validationShare >= 0 && testShare + validationShare < 1)) {
            throw new IllegalArgumentException("need a test share in (0, 1) and a validation share >= 0 that "
                    + "leave some items for training; got " + testShare + " and " + validationShare);
        }
    }

    public Split split(Interactions all) {
        Parts train = new Parts(all.size());
        Parts validation = new Parts(all.size());
        Parts test = new Parts(all.size());
        Random random = new Random(seed);
        int n = 0;
        for (int user = 0; user < all.userCount(); user++) {
            int count = all.countOf(user);
            int[] positions = shuffled(n, count, random);
            int tests = count < 2 ? 0 : Math.min(count - 1, Math.max(1, (int) Math.round(testShare * count)));
            int validations = count < 2 ? 0
                    : Math.min(count - 1 - tests, (int) Math.round(validationShare * count));
            for (int drawn = 0; drawn < count; drawn++) {
                Parts part = drawn < tests ? test : drawn < tests + validations ? validation : train;
                part.add(all, positions[drawn]);
            }
            n += count;
        }
        return new Split(train.build(all.index()), validation.build(all.index()), test.build(all.index()));
    }

    /** Positions {@code from} to {@code from + count} (one user's triples) in a random order. */
    private static int[] shuffled(int from, int count, Random random) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = from + i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
        }
        return positions;
    }

    /** The triples one part collects. */
    private static final class Parts {
        private final int[] users;
        private final int[] items;
        private final float[] weights;
        private int size;

        Parts(int capacity) {
            users = new int[capacity];
            items = new int[capacity];
            weights = new float[capacity];
        }

        void add(Interactions all, int n) {
            users[size] = all.user(n);
            items[size] = all.item(n);
            weights[size++] = all.weight(n);
        }

        Interactions build(IdIndex index) {
            return new Interactions(index, Arrays.copyOf(users, size), Arrays.copyOf(items, size),
                    Arrays.copyOf(weights, size));
        }
    }
}
