package dev.aiaas.ml.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImputeTest {

    private final Table train = Table.of(List.of(
            NumericColumn.of("a", 1, Double.NaN, 2, 9),
            NumericColumn.of("b", Double.NaN, 10, 20, 30),
            CategoricalColumn.of("island", "x", null, "y", "x"),
            NumericColumn.of("y", 0, Double.NaN, 1, 0)), "y");

    @Test
    void meanFillsEveryNumericFeatureButNotTheLabel() {
        FittedImpute fitted = new Impute(Impute.Strategy.MEAN).fit(train);

        Table filled = fitted.apply(train);

        assertThat(filled.numeric("a").values()).containsExactly(1, 4, 2, 9);
        assertThat(filled.numeric("b").values()).containsExactly(20, 10, 20, 30);
        assertThat(filled.numeric("y").isMissing(1)).isTrue();
        assertThat(filled.categorical("island").isMissing(1)).isTrue();
    }

    @Test
    void medianFillsOnlyTheNamedColumn() {
        FittedImpute fitted = new Impute(Impute.Strategy.MEDIAN, List.of("a")).fit(train);

        Table filled = fitted.apply(train);

        assertThat(fitted.fills()).containsExactly(new FittedImpute.Fill("a", 2));
        assertThat(filled.numeric("a").values()).containsExactly(1, 2, 2, 9);
        assertThat(filled.numeric("b").isMissing(0)).isTrue();
    }

    @Test
    void otherSplitsAreFilledWithTheTrainingValueNotTheirOwn() {
        FittedImpute fitted = new Impute(Impute.Strategy.MEAN, List.of("a")).fit(train);
        Table test = Table.of(NumericColumn.of("a", 100, Double.NaN, 300));

        assertThat(fitted.apply(test).numeric("a").values()).containsExactly(100, 4, 300);
    }

    @Test
    void aCategoricalColumnOrTheLabelCannotBeImputed() {
        assertThatThrownBy(() -> new Impute(Impute.Strategy.MEAN, List.of("island")).fit(train))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("impute: column 'island' is CATEGORICAL, the step needs NUMERIC");
        assertThatThrownBy(() -> new Impute(Impute.Strategy.MEAN, List.of("y")).fit(train))
                .hasMessage("impute: column 'y' is the label, not a feature");
        assertThatThrownBy(() -> new Impute(Impute.Strategy.MEAN, List.of("c")).fit(train))
                .hasMessageStartingWith("impute: no column 'c'");
    }

    @Test
    void aColumnWithNoTrainingValuesCannotBeImputed() {
        Table empty = Table.of(NumericColumn.of("a", Double.NaN, Double.NaN));

        assertThatThrownBy(() -> new Impute(Impute.Strategy.MEDIAN).fit(empty))
                .hasMessage("impute: column 'a' has no values in the training split to learn a MEDIAN from");
    }
}
