package dev.aiaas.ml.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private final Table table = Table.of(List.of(
            NumericColumn.of("x", 1, 2, Double.NaN),
            CategoricalColumn.of("colour", "red", null, "blue"),
            ImageColumn.ofImages("img", new int[] {1, 2}, new byte[] {1, 2}, new byte[] {3, 4}, new byte[] {5, 6}),
            CategoricalColumn.of("label", "a", "b", "a")), "label");

    @Test
    void selectReturnsTheChosenRowsInOrderAcrossEveryColumn() {
        Table picked = table.select(new int[] {2, 0, 2});

        assertThat(picked.rowCount()).isEqualTo(3);
        assertThat(picked.numeric("x").values()).containsExactly(Double.NaN, 1, Double.NaN);
        assertThat(picked.categorical("colour").values()).containsExactly("blue", "red", "blue");
        assertThat(picked.image("img").image(1)).containsExactly(1, 2);
        assertThat(picked.labelName()).contains("label");
    }

    @Test
    void featureColumnsAreEveryColumnButTheLabel() {
        assertThat(table.featureColumns()).extracting(Column::name).containsExactly("x", "colour", "img");
        assertThat(table.label()).get().extracting(Column::name).isEqualTo("label");
    }

    @Test
    void missingValuesAreNanForNumbersAndNullForCategories() {
        assertThat(table.column("x").isMissing(2)).isTrue();
        assertThat(table.column("colour").isMissing(1)).isTrue();
        assertThat(table.column("img").isMissing(0)).isFalse();
    }

    @Test
    void replaceColumnPutsTheReplacementsWhereTheColumnWas() {
        Table replaced = table.replaceColumn("colour", List.of(
                NumericColumn.of("colour=blue", 0, 0, 1), NumericColumn.of("colour=red", 1, 0, 0)));

        assertThat(replaced.columnNames()).containsExactly("x", "colour=blue", "colour=red", "img", "label");
    }

    @Test
    void rejectsColumnsOfUnequalLength() {
        assertThatThrownBy(() -> Table.of(NumericColumn.of("a", 1, 2), NumericColumn.of("b", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'b' has 1 rows but column 'a' has 2");
    }

    @Test
    void rejectsDuplicateNamesAndAnUnknownLabel() {
        assertThatThrownBy(() -> Table.of(NumericColumn.of("a", 1), NumericColumn.of("a", 2)))
                .hasMessageContaining("column 'a' appears twice");
        assertThatThrownBy(() -> Table.of(List.of(NumericColumn.of("a", 1)), "y"))
                .hasMessageContaining("label column 'y'");
    }

    @Test
    void askingForTheWrongKindNamesTheColumnAndItsKind() {
        assertThatThrownBy(() -> table.numeric("colour"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'colour' is CATEGORICAL, not NUMERIC");
        assertThatThrownBy(() -> table.column("nope")).hasMessageContaining("no column 'nope'");
    }

    @Test
    void scaledImagesAreReadAsBytesOverTheDivisor() {
        ImageColumn scaled = table.image("img").withDivisor(255f);
        float[] features = new float[2];

        scaled.writeFeatures(2, features, 0);

        assertThat(features).containsExactly(5 / 255f, 6 / 255f);
        assertThat(scaled.image(2)).containsExactly(5, 6);
    }
}
