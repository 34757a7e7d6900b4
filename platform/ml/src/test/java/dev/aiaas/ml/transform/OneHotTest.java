package dev.aiaas.ml.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneHotTest {

    private final Table train = Table.of(
            NumericColumn.of("mass", 1, 2, 3),
            CategoricalColumn.of("island", "Torgersen", "Biscoe", "Dream"),
            NumericColumn.of("depth", 4, 5, 6));

    @Test
    void eachTrainingCategoryBecomesAnIndicatorInSortedOrderWhereTheColumnWas() {
        Table encoded = new OneHot().fit(train).apply(train);

        assertThat(encoded.columnNames()).containsExactly(
                "mass", "island=Biscoe", "island=Dream", "island=Torgersen", "depth");
        assertThat(encoded.numeric("island=Torgersen").values()).containsExactly(1, 0, 0);
        assertThat(encoded.numeric("island=Biscoe").values()).containsExactly(0, 1, 0);
    }

    @Test
    void unseenAndMissingCategoriesAreAllZeros() {
        FittedOneHot fitted = new OneHot(List.of("island")).fit(train);
        Table later = Table.of(CategoricalColumn.of("island", "Atlantis", null, "Dream"));

        Table encoded = fitted.apply(later);

        assertThat(encoded.numeric("island=Biscoe").values()).containsExactly(0, 0, 0);
        assertThat(encoded.numeric("island=Dream").values()).containsExactly(0, 0, 1);
        assertThat(encoded.numeric("island=Torgersen").values()).containsExactly(0, 0, 0);
    }

    @Test
    void categoriesAreLearnedFromTrainingOnlyIgnoringMissing() {
        Table withMissing = Table.of(CategoricalColumn.of("sex", "M", null, "F", "M"));

        FittedOneHot fitted = new OneHot().fit(withMissing);

        assertThat(fitted.encodings()).containsExactly(new FittedOneHot.Categories("sex", List.of("F", "M")));
    }

    @Test
    void aColumnWithMoreCategoriesThanOneHotTakesIsRefusedSayingWhatToDo() {
        String[] ids = new String[OneHot.MAX_CATEGORIES + 1];
        for (int row = 0; row < ids.length; row++) {
            ids[row] = "id-" + row;
        }

        assertThatThrownBy(() -> new OneHot().fit(Table.of(CategoricalColumn.of("id", ids))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1001 categories").hasMessageContaining("tokenize");
    }
}
