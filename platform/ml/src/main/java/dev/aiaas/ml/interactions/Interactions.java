package dev.aiaas.ml.interactions;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Implicit feedback: distinct (user row, item row, weight) triples over an {@link IdIndex},
 * ordered by user, then item. A user's items are a contiguous, sorted run, so
 * {@link #itemsOf} and {@link #contains} cost a slice and a binary search.
 */
public final class Interactions {

    /** What weight a (user, item) pair seen in several events gets. */
    public enum Weighting {
        /** The number of events of the pair (flights on a route, plays of a song). */
        COUNT,
        /** 1 for every pair, however often it was seen. */
        ONE
    }

    private final IdIndex index;
    private final int[] users;
    private final int[] items;
    private final float[] weights;
    /** Triples of user {@code u} are {@code offsets[u]} to {@code offsets[u + 1]} (exclusive). */
    private final int[] offsets;

    /**
     * Triples {@code (users[n], items[n], weights[n])}, in any order.
     *
     * @throws IllegalArgumentException when the arrays differ in length, a row lies outside the
     *                                  index, a pair repeats, or a weight is not finite and positive
     */
    public Interactions(IdIndex index, int[] users, int[] items, float[] weights) {
        if (users.length != items.length || users.length != weights.length) {
            throw new IllegalArgumentException("need as many items and weights as users, got " + users.length + ", "
                    + items.length + ", " + weights.length);
        }
        this.index = index;
        int[] order = IntStream.range(0, users.length).boxed()
                .sorted(Comparator.<Integer>comparingInt(n -> users[n]).thenComparingInt(n -> items[n]))
                .mapToInt(Integer::intValue).toArray();
        this.users = new int[order.length];
        this.items = new int[order.length];
        this.weights = new float[order.length];
        for (int n = 0; n < order.length; n++) {
            this.users[n] = users[order[n]];
            this.items[n] = items[order[n]];
            this.weights[n] = weights[order[n]];
            check(n);
        }
        this.offsets = new int[index.userCount() + 1];
        for (int user : this.users) {
            offsets[user + 1]++;
        }
        for (int u = 0; u < index.userCount(); u++) {
            offsets[u + 1] += offsets[u];
        }
    }

    /** No interactions over {@code index}: a split that holds nothing out. */
    public static Interactions none(IdIndex index) {
        return new Interactions(index, new int[0], new int[0], new float[0]);
    }

    /**
     * The interactions of events {@code (users[n], items[n])} over the index of their ids.
     *
     * @throws IllegalArgumentException when the lists differ in length or are empty
     */
    public static Interactions fromEvents(List<String> users, List<String> items, Weighting weighting) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no events to learn from");
        }
        return fromEvents(IdIndex.of(users, items), users, items, weighting);
    }

    /**
     * The interactions of events {@code (users[n], items[n])} over {@code index}.
     *
     * @throws IllegalArgumentException when the lists differ in length or name an id the index lacks
     */
    public static Interactions fromEvents(IdIndex index, List<String> users, List<String> items, Weighting weighting) {
        float[] ones = new float[users.size()];
        Arrays.fill(ones, 1f);
        Interactions counted = fromWeightedEvents(index, users, items, ones);
        if (weighting == Weighting.COUNT) {
            return counted;
        }
        Arrays.fill(counted.weights, 1f);
        return counted;
    }

    /**
     * The interactions of events {@code (users[n], items[n])} over {@code index}, each pair weighted
     * by the sum of its events' {@code weights}.
     *
     * @throws IllegalArgumentException when the lists differ in length, name an id the index lacks,
     *                                  or a weight is not finite and positive
     */
    public static Interactions fromWeightedEvents(IdIndex index, List<String> users, List<String> items,
            float[] weights) {
        if (users.size() != items.size() || users.size() != weights.length) {
            throw new IllegalArgumentException("every event needs a user, an item and a weight, got " + users.size()
                    + " users, " + items.size() + " items and " + weights.length + " weights");
        }
        Map<Long, Float> sums = new HashMap<>();
        for (int n = 0; n < users.size(); n++) {
            long pair = (long) index.userRow(users.get(n)) * index.itemCount() + index.itemRow(items.get(n));
            sums.merge(pair, weights[n], Float::sum);
        }
        return ofPairs(index, sums);
    }

    /**
     * The pairs of this and {@code other} over their common index, a pair in both weighted by the
     * sum of its weights: what a user has in training and validation together.
     *
     * @throws IllegalArgumentException when the two number users or items by different indexes
     */
    public Interactions plus(Interactions other) {
        if (!index.equals(other.index)) {
            throw new IllegalArgumentException("interactions over different indexes cannot be added: build every "
                    + "split over the index of all the interactions");
        }
        Map<Long, Float> sums = new HashMap<>();
        for (Interactions part : List.of(this, other)) {
            for (int n = 0; n < part.size(); n++) {
                sums.merge((long) part.users[n] * itemCount() + part.items[n], part.weights[n], Float::sum);
            }
        }
        return ofPairs(index, sums);
    }

    /** Pairs keyed by user row times the item count plus item row. */
    private static Interactions ofPairs(IdIndex index, Map<Long, Float> pairs) {
        int[] userRows = new int[pairs.size()];
        int[] itemRows = new int[pairs.size()];
        float[] pairWeights = new float[pairs.size()];
        int n = 0;
        for (Map.Entry<Long, Float> pair : pairs.entrySet()) {
            userRows[n] = (int) (pair.getKey() / index.itemCount());
            itemRows[n] = (int) (pair.getKey() % index.itemCount());
            pairWeights[n++] = pair.getValue();
        }
        return new Interactions(index, userRows, itemRows, pairWeights);
    }

    public IdIndex index() {
        return index;
    }

    public int userCount() {
        return index.userCount();
    }

    public int itemCount() {
        return index.itemCount();
    }

    /** How many (user, item) pairs there are. */
    public int size() {
        return users.length;
    }

    public boolean isEmpty() {
        return users.length == 0;
    }

    /** The user row of the {@code n}-th triple (ordered by user, then item). */
    public int user(int n) {
        return users[n];
    }

    /** The item row of the {@code n}-th triple. */
    public int item(int n) {
        return items[n];
    }

    /** The weight of the {@code n}-th triple. */
    public float weight(int n) {
        return weights[n];
    }

    /** The items of user row {@code user}, ascending. */
    public int[] itemsOf(int user) {
        IdIndex.checkRow(user, userCount(), "user");
        return Arrays.copyOfRange(items, offsets[user], offsets[user + 1]);
    }

    /** How many items user row {@code user} has. */
    public int countOf(int user) {
        IdIndex.checkRow(user, userCount(), "user");
        return offsets[user + 1] - offsets[user];
    }

    /** Whether user row {@code user} has item row {@code item}. */
    public boolean contains(int user, int item) {
        IdIndex.checkRow(user, userCount(), "user");
        return Arrays.binarySearch(items, offsets[user], offsets[user + 1], item) >= 0;
    }

    /** The sum of the weights of each item over all users: its popularity. */
    public float[] itemWeights() {
        float[] sums = new float[itemCount()];
        for (int n = 0; n < items.length; n++) {
            sums[items[n]] += weights[n];
        }
        return sums;
    }

    private void check(int n) {
        IdIndex.checkRow(users[n], index.userCount(), "user");
        IdIndex.checkRow(items[n], index.itemCount(), "item");
        if (!(weights[n] > 0) || Float.isInfinite(weights[n])) {
            throw new IllegalArgumentException("the weight of user " + index.userId(users[n]) + " and item "
                    + index.itemId(items[n]) + " is " + weights[n] + ": weights must be finite and positive");
        }
        if (n > 0 && users[n] == users[n - 1] && items[n] == items[n - 1]) {
            throw new IllegalArgumentException("user " + index.userId(users[n]) + " and item "
                    + index.itemId(items[n]) + " appear twice: give each pair once, with its weight");
        }
    }
}
