package dev.aiaas.ml.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizeTest {

    @Test
    void trainingValuesGetMeanZeroAndStdOne() {
        Table train = Table.of(NumericColumn.of("a", 2, 4, 4, 4, 5, 5, 7, 9));

        FittedStandardize fitted = new Standardize().fit(train);

        assertThat(fitted.scalings()).containsExactly(new FittedStandardize.Scaling("a", 5, 2));
        assertThat(fitted.apply(train).numeric("a").values())
                .containsExactly(-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2);
    }

    @Test
    void otherSplitsUseTheTrainingMeanAndStd() {
        FittedStandardize fitted = new Standardize().fit(Table.of(NumericColumn.of("a", 0, 10)));

        double[] test = fitted.apply(Table.of(NumericColumn.of("a", 5, 20, Double.NaN))).numeric("a").values();

        assertThat(test[0]).isCloseTo(0, within(1e-12));
        assertThat(test[1]).isCloseTo(3, within(1e-12));
        assertThat(test[2]).isNaN();
    }

    @Test
    void aConstantColumnIsCentredNotDividedByZero() {
        Table train = Table.of(NumericColumn.of("c", 3, 3, 3), NumericColumn.of("d", 1, 2, 3));

        FittedStandardize fitted = new Standardize(List.of("c")).fit(train);

        assertThat(fitted.scalings()).containsExactly(new FittedStandardize.Scaling("c", 3, 1));
        assertThat(fitted.apply(train).numeric("c").values()).containsExactly(0, 0, 0);
        assertThat(fitted.apply(train).numeric("d").values()).containsExactly(1, 2, 3);
    }
}
