package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A binary classifier is also scored by ROC-AUC and class 1's F1; one of more classes is not. */
class BinaryClassifierTest {

    @Test
    void aBinaryClassifiersEvaluationCarriesRocAuc() {
        LabelledData train = twoClouds(400, 1);
        LabelledData test = twoClouds(200, 2);
        ModelSpec spec = new ModelSpec(ModelFamily.LOGISTIC_REGRESSION, List.of(2), List.of(), 2);

        try (LoadedModel model = new ModelTrainer().train(spec, new TrainingPlan(20, 32, 0.05, 1, DevicePreference.CPU),
                train, test, r -> { }, () -> false)) {
            Map<String, Double> metrics = ModelEvaluator.evaluate(model, test).metrics();

            assertThat(metrics.get("roc_auc")).as("%s", metrics).isGreaterThan(0.95).isLessThanOrEqualTo(1.0);
            assertThat(metrics.get("roc_auc")).isGreaterThanOrEqualTo(metrics.get("accuracy") - 0.05);
            assertThat(metrics.get("f1_positive")).as("class 1's F1").isEqualTo(
                    ModelEvaluator.classification(model, test).f1()[1]).isGreaterThan(0.8);
            assertThat(metrics).containsKeys("precision_positive", "recall_positive");
        }
    }

    @Test
    void aClassifierOfThreeClassesHasNoRocAuc() throws Exception {
        RealData.Splits iris = RealData.iris();
        ModelSpec spec = ModelSpec.withDefaults(ModelFamily.MLP, List.of(4), List.of(8), 3);

        try (LoadedModel model = new ModelTrainer().train(spec, new TrainingPlan(5, 16, 0.01, 1, DevicePreference.CPU),
                iris.train(), iris.validation(), r -> { }, () -> false)) {
            assertThat(ModelEvaluator.evaluate(model, iris.test()).metrics()).doesNotContainKeys("roc_auc", "f1_positive");
        }
    }

    /** Class 0 around (−1, −1), class 1 around (1, 1), unit noise: overlapping a little. */
    private static LabelledData twoClouds(int rows, long seed) {
        Random random = new Random(seed);
        float[] x = new float[rows * 2];
        long[] y = new long[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % 2;
            double centre = y[i] == 1 ? 1 : -1;
            x[2 * i] = (float) (centre + random.nextGaussian());
            x[2 * i + 1] = (float) (centre + random.nextGaussian());
        }
        return LabelledData.classification(x, y);
    }
}
