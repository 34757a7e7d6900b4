package dev.aiaas.ml.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropMissingLabelTest {

    @Test
    void rowsWithoutALabelAreDropped() {
        Table table = Table.of(List.of(NumericColumn.of("x", 1, 2, 3), CategoricalColumn.of("y", "a", null, "b")), "y");

        Table kept = new DropMissingLabel().fit(table).apply(table);

        assertThat(kept.numeric("x").values()).containsExactly(1, 3);
    }

    @Test
    void anUnlabelledTableSuchAsARequestPassesThrough() {
        Table request = Table.of(NumericColumn.of("x", 1));

        assertThat(new FittedDropMissingLabel().apply(request)).isSameAs(request);
    }

    @Test
    void fittingNeedsALabel() {
        assertThatThrownBy(() -> new DropMissingLabel().fit(Table.of(NumericColumn.of("x", 1))))
                .hasMessage("drop missing label: the table has no label column");
    }
}
