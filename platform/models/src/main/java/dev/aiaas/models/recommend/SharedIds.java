package dev.aiaas.models.recommend;

import dev.aiaas.ml.interactions.IdIndex;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * How users and items that share ids map onto one entity table: the entities are the union of
 * the user and item ids, sorted and distinct, so a user and an item with the same id (an airport
 * as origin and as destination) get the same row. Derived from the {@link IdIndex} alone, so a
 * saved recommender needs nothing beyond its index to rebuild it.
 */
final class SharedIds {

    private final int[] userEntities;
    private final int[] itemEntities;
    private final int[] selfItems;
    private final int entityCount;

    private SharedIds(int[] userEntities, int[] itemEntities, int[] selfItems, int entityCount) {
        this.userEntities = userEntities;
        this.itemEntities = itemEntities;
        this.selfItems = selfItems;
        this.entityCount = entityCount;
    }

    static SharedIds of(IdIndex index) {
        TreeSet<String> union = new TreeSet<>(index.userIds());
        union.addAll(index.itemIds());
        List<String> entities = List.copyOf(union);
        int[] userEntities = rows(index.userIds(), entities);
        int[] itemEntities = rows(index.itemIds(), entities);
        int[] selfItems = new int[index.userCount()];
        for (int user = 0; user < selfItems.length; user++) {
            int item = Collections.binarySearch(index.itemIds(), index.userId(user));
            selfItems[user] = item >= 0 ? item : -1;
        }
        return new SharedIds(userEntities, itemEntities, selfItems, entities.size());
    }

    /** How many distinct ids the users and items have together. */
    int entityCount() {
        return entityCount;
    }

    /** The entity row of user row {@code user}. */
    int userEntity(int user) {
        return userEntities[user];
    }

    /** The entity row of item row {@code item}. */
    int itemEntity(int item) {
        return itemEntities[item];
    }

    /** The item row with user row {@code user}'s id, or -1 when no item has it. */
    int selfItem(int user) {
        return selfItems[user];
    }

    /** Each of {@code ids}' row among {@code entities}. */
    private static int[] rows(List<String> ids, List<String> entities) {
        int[] rows = new int[ids.size()];
        for (int n = 0; n < rows.length; n++) {
            rows[n] = Collections.binarySearch(entities, ids.get(n));
        }
        return rows;
    }
}
