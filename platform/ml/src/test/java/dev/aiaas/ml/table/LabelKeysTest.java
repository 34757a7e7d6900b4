package dev.aiaas.ml.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LabelKeysTest {

    @Test
    void wholeNumbersBecomeKeysWithoutAFraction() {
        String[] keys = LabelKeys.of(NumericColumn.of("digit", 3, 10, Double.NaN, 2.5));

        assertThat(keys).containsExactly("3", "10", null, "2.5");
    }

    @Test
    void numericKeysSortAsNumbersAndCategoriesAsText() {
        String[] digits = {"10", "9", "2"};
        String[] words = {"b", "a", "C"};

        Arrays.sort(digits, LabelKeys.order(ColumnKind.NUMERIC));
        Arrays.sort(words, LabelKeys.order(ColumnKind.CATEGORICAL));

        assertThat(digits).containsExactly("2", "9", "10");
        assertThat(words).containsExactly("C", "a", "b");
    }
}
