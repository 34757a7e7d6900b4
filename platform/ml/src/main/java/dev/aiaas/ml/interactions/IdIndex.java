package dev.aiaas.ml.interactions;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * How a recommender numbers its users and items: each id's row is its position in a sorted,
 * distinct list. Kept with the model, so serving maps a raw user id to the row training gave it
 * and an item row back to the item's id.
 *
 * @param userIds the users' ids, sorted (String order) and distinct
 * @param itemIds the items' ids, sorted and distinct
 */
public record IdIndex(List<String> userIds, List<String> itemIds) {

    /**
     * @throws IllegalArgumentException when either list is empty, unsorted or repeats an id
     */
    public IdIndex {
        userIds = List.copyOf(userIds);
        itemIds = List.copyOf(itemIds);
        checkSortedAndDistinct(userIds, "user");
        checkSortedAndDistinct(itemIds, "item");
    }

    /** The index of the distinct ids among {@code users} and among {@code items}. */
    public static IdIndex of(Collection<String> users, Collection<String> items) {
        return new IdIndex(List.copyOf(new TreeSet<>(users)), List.copyOf(new TreeSet<>(items)));
    }

    public int userCount() {
        return userIds.size();
    }

    public int itemCount() {
        return itemIds.size();
    }

    /**
     * The row of user {@code id}.
     *
     * @throws IllegalArgumentException for a user the index does not know
     */
    public int userRow(String id) {
        int row = Collections.binarySearch(userIds, id);
        if (row < 0) {
            throw new IllegalArgumentException("unknown user '" + id + "': this recommender knows only the "
                    + userIds.size() + " users of the interactions it was trained on");
        }
        return row;
    }

    /**
     * The row of item {@code id}.
     *
     * @throws IllegalArgumentException for an item the index does not know
     */
    public int itemRow(String id) {
        int row = Collections.binarySearch(itemIds, id);
        if (row < 0) {
            throw new IllegalArgumentException("unknown item '" + id + "': this recommender knows only the "
                    + itemIds.size() + " items of the interactions it was trained on");
        }
        return row;
    }

    /** Whether {@code id} is one of the index's users. */
    public boolean knowsUser(String id) {
        return Collections.binarySearch(userIds, id) >= 0;
    }

    /** The id of user row {@code row}. */
    public String userId(int row) {
        checkRow(row, userIds.size(), "user");
        return userIds.get(row);
    }

    /** The id of item row {@code row}. */
    public String itemId(int row) {
        checkRow(row, itemIds.size(), "item");
        return itemIds.get(row);
    }

    /**
     * Checks that {@code row} numbers one of {@code count} users or items ({@code what}).
     *
     * @throws IllegalArgumentException when it lies outside 0 to {@code count - 1}
     */
    public static void checkRow(int row, int count, String what) {
        if (row < 0 || row >= count) {
            throw new IllegalArgumentException(what + " row " + row + " is outside the index's " + count + " " + what
                    + "s (0 to " + (count - 1) + ")");
        }
    }

    private static void checkSortedAndDistinct(List<String> ids, String what) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one " + what + " id");
        }
        for (int row = 1; row < ids.size(); row++) {
            if (ids.get(row - 1).compareTo(ids.get(row)) >= 0) {
                throw new IllegalArgumentException("the " + what + " ids must be sorted and distinct, but '"
                        + ids.get(row - 1) + "' comes before '" + ids.get(row) + "'");
            }
        }
    }
}
