package dev.aiaas.ml.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyLabelTest {

    @Test
    void labelsSeenInTheNormalTrainingSplitAreZeroAndEveryOtherLabelIsOne() {
        Table normalTrain = Table.of(List.of(NumericColumn.of("x", 1, 2), CategoricalColumn.of("digit", "0", "0")),
                "digit");
        FittedPipeline pipeline = new Pipeline(List.of(), LabelTask.ANOMALY).fit(normalTrain);
        Table test = Table.of(List.of(NumericColumn.of("x", 1, 2, 3),
                CategoricalColumn.of("digit", "0", "7", "never seen")), "digit");

        FeatureMatrix matrix = pipeline.apply(test);

        assertThat(pipeline.classLabels()).containsExactly("0");
        assertThat(matrix.labels()).containsExactly(0, 1, 1);
    }
}
