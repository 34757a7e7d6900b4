package dev.aiaas.ml.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenizeTest {

    private static final Table TRAIN = Table.of(List.of(
            CategoricalColumn.of("subject", "Cheap pills", "Meeting", "cheap, CHEAP!"),
            CategoricalColumn.of("body", "buy now", "see you at ten", null),
            NumericColumn.of("size", 1, 2, 3),
            CategoricalColumn.of("label", "spam", "ham", "spam")), "label");

    @Test
    void theVocabularyIsTheTrainingSplitsFrequentWordsMostFrequentFirst() {
        FittedTokenize fitted = new Tokenize(List.of("subject", "body"), 4, 10, 1).fit(TRAIN);

        assertThat(fitted.vocabulary()).startsWith("cheap").hasSize(9);
        assertThat(fitted.vocabularySize()).isEqualTo(11);
        assertThat(new Tokenize(List.of("subject", "body"), 4, 10, 2).fit(TRAIN).vocabulary()).containsExactly("cheap");
        assertThat(new Tokenize(List.of("subject", "body"), 4, 3, 1).fit(TRAIN).vocabulary()).hasSize(3);
    }

    @Test
    void eachRowBecomesItsWordsIdsInColumnOrderCutOrPaddedInThePlaceOfTheFirstTextColumn() {
        FittedTokenize fitted = new Tokenize(List.of("subject", "body"), 4, 10, 2).fit(TRAIN);
        Table test = Table.of(CategoricalColumn.of("subject", "cheap watches", "hello"),
                CategoricalColumn.of("body", "cheap cheap cheap", null), NumericColumn.of("size", 5, 6));

        Table tokens = fitted.apply(test);

        assertThat(tokens.columnNames()).containsExactly("tokens_0", "tokens_1", "tokens_2", "tokens_3", "size");
        int cheap = 2;
        assertThat(row(tokens, 0)).containsExactly(cheap, FittedTokenize.UNKNOWN, cheap, cheap);
        assertThat(row(tokens, 1)).containsExactly(FittedTokenize.UNKNOWN, 0, 0, 0);
    }

    @Test
    void aServingRequestIsTokenizedWithTheStoredVocabulary() {
        FittedPipeline pipeline = new Pipeline(List.of(new Tokenize(List.of("subject", "body"), 3, 10, 1)),
                LabelTask.CLASSIFICATION).fit(TRAIN);
        FittedPipeline read = FittedPipelineJson.read(FittedPipelineJson.write(pipeline));

        float[] row = read.applyRow(Map.of("subject", "Meeting at ten", "body", "", "size", 1.0));

        assertThat(row).hasSize(4);
        assertThat(read.featureNames()).containsExactly("tokens_0", "tokens_1", "tokens_2", "size");
        assertThat(row[0]).isGreaterThan(1);
        assertThat(row).isEqualTo(pipeline.applyRow(Map.of("subject", "Meeting at ten", "body", "", "size", 1.0)));
        assertThat(read.steps()).isEqualTo(pipeline.steps());
        assertThat(FittedPipelineJson.write(read)).isEqualTo(FittedPipelineJson.write(pipeline));
    }

    @Test
    void theLabelOrANumericColumnCannotBeTokenized() {
        assertThatThrownBy(() -> new Tokenize(List.of("label"), 4, 10, 1).fit(TRAIN)).hasMessageContaining("label");
        assertThatThrownBy(() -> new Tokenize(List.of("size"), 4, 10, 1).fit(TRAIN)).hasMessageContaining("NUMERIC");
        assertThatThrownBy(() -> new Tokenize(List.of("body"), 0, 10, 1)).hasMessageContaining("max tokens");
    }

    private static double[] row(Table table, int row) {
        return table.columns().stream().filter(c -> c.name().startsWith("tokens_"))
                .mapToDouble(c -> ((NumericColumn) c).get(row)).toArray();
    }
}
