package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an anomaly detector learns from, where its threshold comes from, and what it refuses to answer. */
class AnomalyDetectorContractTest {

    private static final ModelSpec DETECTOR = ModelSpec.withDefaults(ModelFamily.AUTOENCODER, List.of(12), List.of(8, 2), 12);
    private static final TrainingPlan PLAN = new TrainingPlan(15, 16, 0.01, 3, DevicePreference.CPU);

    @Test
    void theThresholdIsTheQuantileOfNormalScoresInterpolatedAsNumpyDoes() {
        double[] scores = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};

        assertThat(AnomalyThreshold.fit(scores, 0.95).value()).as("np.quantile(1..10, 0.95)").isCloseTo(9.55, within(1e-12));
        assertThat(AnomalyThreshold.fit(scores, 0.5).value()).isCloseTo(5.5, within(1e-12));
        assertThat(AnomalyThreshold.fit(new double[] {0.25}, 0.95).value()).isEqualTo(0.25);
        assertThat(new AnomalyThreshold(0.95, 9.55).exceededBy(9.55)).as("at the threshold is still normal").isFalse();
        assertThatThrownBy(() -> AnomalyThreshold.fit(scores, 1.0)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new TrainingPlan(1, 1, 0.1, 1, DevicePreference.CPU, 0)).hasMessageContaining("(0, 1)");
    }

    @Test
    void aDetectorLearnsNormalRowsAndFlagsAboutTheShareItsQuantileLeavesAbove() {
        LabelledData train = SyntheticSeries.lowRankRows(600, 12, 5, 1);
        LabelledData validation = SyntheticSeries.lowRankRows(400, 12, 5, 2);
        LabelledData test = SyntheticSeries.lowRankRows(400, 12, 5, 3);

        try (LoadedModel model = new ModelTrainer().train(DETECTOR, PLAN.withAnomalyQuantile(0.9), train, validation,
                r -> { }, () -> false)) {
            Evaluation evaluation = ModelEvaluator.evaluate(model, test);
            float[] normalScores = model.anomalyScores(validation.select(validation.rowsOfClass(0)).features(), 320);
            long flagged = 0;
            for (float score : normalScores) {
                flagged += model.isAnomaly(score) ? 1 : 0;
            }

            assertThat(model.spec().threshold().quantile()).isEqualTo(0.9);
            assertThat(flagged).as("normal validation rows above their 90th percentile").isEqualTo(32);
            assertThat(evaluation.metrics().get("roc_auc")).as("%s", evaluation.metrics()).isGreaterThan(0.95);
            assertThat(evaluation.metrics()).containsKeys("precision", "recall", "f1", "false_positive_rate",
                    "threshold", "reconstruction_mse");
            assertThat(evaluation.confusionMatrix().orElseThrow()).hasSize(4);
        }
    }

    @Test
    void rowsOfOnlyOneKindGetTheMetricsTheyDefine() {
        LabelledData rows = SyntheticSeries.lowRankRows(300, 12, 5, 1);
        LabelledData normalOnly = rows.select(rows.rowsOfClass(0));

        try (LoadedModel model = new ModelTrainer().train(DETECTOR, PLAN, rows, rows, r -> { }, () -> false)) {
            assertThat(ModelEvaluator.evaluate(model, normalOnly).metrics())
                    .containsOnlyKeys("threshold", "reconstruction_mse", "false_positive_rate");
        }
    }

    @Test
    void dataThatIsNotLabelledNormalOrAnomalyIsRefusedBeforeTraining() {
        LabelledData rows = SyntheticSeries.lowRankRows(100, 12, 5, 1);
        LabelledData numbers = LabelledData.regression(rows.features(), new float[100], 100);
        long[] threeClasses = Arrays.stream(rows.classes()).map(label -> label == 1 ? 2 : 0).toArray();
        LabelledData anomaliesOnly = rows.select(rows.rowsOfClass(1));

        assertThatThrownBy(() -> train(numbers, rows)).hasMessageContaining("needs int64 labels 0 (normal) and 1 (anomaly)");
        assertThatThrownBy(() -> train(LabelledData.classification(rows.features(), threeClasses), rows))
                .hasMessageContaining("other class indices");
        assertThatThrownBy(() -> train(rows, anomaliesOnly)).hasMessageContaining("the validation split has no normal rows");
    }

    @Test
    void eachKindOfModelRefusesTheQuestionsOfAnother() {
        LabelledData rows = SyntheticSeries.lowRankRows(100, 12, 5, 1);
        float[] one = Arrays.copyOf(rows.features(), 12);
        ModelSpec classifier = new ModelSpec(ModelFamily.LOGISTIC_REGRESSION, List.of(12), List.of(), 2);

        try (LoadedModel detector = train(rows, rows);
             LoadedModel logistic = new ModelTrainer().train(classifier, PLAN, rows, rows, r -> { }, () -> false)) {
            assertThatThrownBy(() -> detector.predictProbabilities(one, 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("AUTOENCODER scores anomalies, not classes: call anomalyScores and isAnomaly");
            assertThatThrownBy(() -> detector.predictClasses(one, 1)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> logistic.anomalyScores(one, 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("predicts classes, not anomaly scores");
            assertThatThrownBy(() -> logistic.isAnomaly(0.5f)).isInstanceOf(IllegalStateException.class);
            assertThat(detector.predict(one, 1)).as("the reconstruction").hasSize(12);
        }
    }

    private static LoadedModel train(LabelledData train, LabelledData validation) {
        return new ModelTrainer().train(DETECTOR, PLAN, train, validation, r -> { }, () -> false);
    }
}
