package dev.aiaas.ml.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FittedPipelineTest {

    private final FittedPipeline fitted = Penguins.pipeline().fit(Penguins.train());

    @Test
    void stepsAreFittedOnTheTrainingRowsThatSurviveEarlierSteps() {
        FittedImpute impute = (FittedImpute) fitted.steps().get(1);

        // The row without a label (bill 50.2, mass 5000) is dropped before the medians are learned:
        // with it they would be 46.5 and 4400.
        assertThat(impute.fills()).containsExactly(
                new FittedImpute.Fill("bill", 42.8), new FittedImpute.Fill("mass", 4075));
        assertThat(fitted.classLabels()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(fitted.featureNames()).containsExactly(
                "bill", "island=Biscoe", "island=Dream", "island=Torgersen", "mass");
        assertThat(fitted.inputShape()).containsExactly(5);
    }

    @Test
    void applyEncodesLabelsAsIndicesIntoTheSortedTrainingClasses() {
        FeatureMatrix train = fitted.apply(Penguins.train());
        FeatureMatrix test = fitted.apply(Penguins.test());

        assertThat(train.rowCount()).isEqualTo(5);
        assertThat(train.labels()).containsExactly(0, 1, 2, 2, 0);
        assertThat(test.labels()).containsExactly(2, 0);
        assertThat(test.shape()).containsExactly(2, 5);
    }

    @Test
    void theTestSplitDoesNotChangeWhatWasLearned() {
        FittedPipeline again = Penguins.pipeline().fit(Penguins.train());

        again.apply(Penguins.test());

        assertThat(FittedPipelineJson.write(again)).isEqualTo(FittedPipelineJson.write(fitted));
    }

    @Test
    void applyRowGivesTheSameFeaturesAsTheBatch() {
        FeatureMatrix batch = fitted.apply(Penguins.test());
        Map<String, Object> second = new HashMap<>(Map.of("island", "Atlantis", "mass", 4000));
        second.put("bill", null);

        assertThat(fitted.applyRow(Map.of("bill", 41.0, "island", "Biscoe", "mass", Double.NaN)))
                .containsExactly(batch.row(0));
        assertThat(fitted.applyRow(second)).containsExactly(batch.row(1));
    }

    @Test
    void applyRowNamesTheColumnOfAnAbsentOrMistypedValue() {
        assertThatThrownBy(() -> fitted.applyRow(Map.of("bill", 41.0, "island", "Biscoe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the record has no value for column 'mass' (NUMERIC); send null to mark a missing value");
        assertThatThrownBy(() -> fitted.applyRow(Map.of("bill", "long", "island", "Biscoe", "mass", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'bill': expected a number, got the string \"long\"");
    }

    @Test
    void aLabelNotSeenInTrainingIsAnErrorNamingIt() {
        Table unseen = Table.of(List.of(NumericColumn.of("bill", 1), CategoricalColumn.of("island", "Dream"),
                NumericColumn.of("mass", 1), CategoricalColumn.of("species", "Emperor")), "species");

        assertThatThrownBy(() -> fitted.apply(unseen))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 0: label 'Emperor' of column 'species' was not seen in the training split; "
                        + "known classes are [Adelie, Chinstrap, Gentoo]");
    }

    @Test
    void aMissingValueNoStepFillsIsAnErrorNamingTheColumn() {
        FittedPipeline noImpute = Pipeline.of(new Standardize()).fit(Table.of(NumericColumn.of("a", 1, 2)));

        assertThatThrownBy(() -> noImpute.applyRow(Map.of("a", Double.NaN)))
                .hasMessageContaining("column 'a': the value is missing and no step fills it; add an Impute step");
    }

    @Test
    void aCategoricalFeatureLeftUnencodedFailsTheFit() {
        assertThatThrownBy(() -> Pipeline.of(new Impute(Impute.Strategy.MEAN)).fit(Penguins.train()))
                .hasMessage("column 'island' is still categorical after the pipeline; add a OneHot step for it");
    }

    @Test
    void aColumnOfAnotherKindThanInTrainingIsRefused() {
        Table wrongKind = Table.of(CategoricalColumn.of("bill", "long"), CategoricalColumn.of("island", "Dream"),
                NumericColumn.of("mass", 1));

        assertThatThrownBy(() -> fitted.apply(wrongKind))
                .hasMessage("column 'bill' is bill:CATEGORICAL but the pipeline was fitted on bill:NUMERIC");
    }

    @Test
    void aMissingLabelWithoutDropMissingLabelIsAnError() {
        FittedPipeline keepsAll = Pipeline.of(new Impute(Impute.Strategy.MEAN), new OneHot()).fit(Penguins.train());

        assertThatThrownBy(() -> keepsAll.apply(Penguins.train()))
                .hasMessage("row 5 has no label in column 'species'; add a DropMissingLabel step to the pipeline");
    }

    @Test
    void regressionKeepsTheNumericLabelAsTarget() {
        Table cars = Table.of(List.of(NumericColumn.of("hp", 100, 200, 150), NumericColumn.of("mpg", 30, 15, 22.5)),
                "mpg");

        FittedPipeline regression = new Pipeline(List.of(new Standardize()), LabelTask.REGRESSION).fit(cars);
        FeatureMatrix matrix = regression.apply(cars);

        assertThat(matrix.hasLabels()).isFalse();
        assertThat(matrix.targets()).containsExactly(30f, 15f, 22.5f);
        assertThat(regression.classLabels()).isEmpty();
    }

    @Test
    void unlabelledTablesGiveFeaturesOnly() {
        FeatureMatrix matrix = fitted.apply(Table.of(
                NumericColumn.of("bill", 40), CategoricalColumn.of("island", "Dream"), NumericColumn.of("mass", 4000)));

        assertThat(matrix.hasLabels()).isFalse();
        assertThat(matrix.rowCount()).isEqualTo(1);
    }
}
