package dev.aiaas.ml.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionEventsTest {

    private static final Table PLAYS = Table.of(
            CategoricalColumn.of("listener", "ann", "ann", "bob", "ann", "cid"),
            NumericColumn.of("song", 7, 7, 3, 3, 7),
            NumericColumn.of("minutes", 2.5, 1.5, 4, 1, 3));

    @Test
    void theEventsOfAPairAddUpToOneInteractionCountedOrWeighted() {
        Interactions counted = InteractionEvents.of(PLAYS, "listener", "song", "");
        Interactions weighted = InteractionEvents.of(PLAYS, "listener", "song", "minutes");

        assertThat(counted.index().itemIds()).as("numbers are ids as their canonical text").containsExactly("3", "7");
        assertThat(counted.size()).isEqualTo(4);
        int ann = counted.index().userRow("ann");
        int seven = counted.index().itemRow("7");
        assertThat(counted.itemsOf(ann)).containsExactly(0, 1);
        assertThat(weightOf(counted, ann, seven)).isEqualTo(2f);
        assertThat(weightOf(weighted, ann, seven)).isEqualTo(4f);
        assertThat(weightOf(weighted, weighted.index().userRow("bob"), 0)).isEqualTo(4f);
    }

    @Test
    void addingTwoSplitsGivesEveryPairOfBothOverTheSameIndex() {
        Interactions all = InteractionEvents.of(PLAYS, "listener", "song", "");
        HoldOut.Split split = new HoldOut(0.5, 0, 1).split(all);

        Interactions together = split.train().plus(split.test());

        assertThat(together.size()).isEqualTo(all.size());
        assertThat(InteractionsJson.write(together)).isEqualTo(InteractionsJson.write(all));
        Interactions other = Interactions.none(IdIndex.of(List.of("x"), List.of("y")));
        assertThatThrownBy(() -> all.plus(other)).hasMessageContaining("different indexes");
    }

    @Test
    void eventsWithoutAUserOrWithABadWeightAreRefusedSayingHowManyAndWhere() {
        Table gaps = Table.of(CategoricalColumn.of("listener", "ann", null, ""), NumericColumn.of("song", 1, 2, 3),
                NumericColumn.of("minutes", 1, -2, 3));

        assertThatThrownBy(() -> InteractionEvents.of(gaps, "listener", "song", ""))
                .hasMessageContaining("2 of 3 rows have no user in column 'listener' (the first is row 1)");
        assertThatThrownBy(() -> InteractionEvents.of(PLAYS, "listener", "track", ""))
                .hasMessageContaining("the item column 'track' is not in the dataset");
        assertThatThrownBy(() -> InteractionEvents.of(PLAYS, "listener", "song", "listener"))
                .hasMessageContaining("weights must be numbers");
        assertThatThrownBy(() -> InteractionEvents.of(Table.of(CategoricalColumn.of("u", "a", "b"),
                NumericColumn.of("i", 1, 2), NumericColumn.of("w", 1, -2)), "u", "i", "w"))
                .hasMessageContaining("row 1 has weight -2.0");
    }

    private static float weightOf(Interactions interactions, int user, int item) {
        for (int n = 0; n < interactions.size(); n++) {
            if (interactions.user(n) == user && interactions.item(n) == item) {
                return interactions.weight(n);
            }
        }
        throw new AssertionError("no pair " + user + ", " + item);
    }
}
