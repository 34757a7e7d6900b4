package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.ml.metrics.RegressionMetrics;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {

    @Test
    void linearRegressionRecoversALinearRelationWithL2Loss() {
        LabelledData train = line(400, 1);
        LabelledData test = line(100, 2);
        ModelSpec spec = new ModelSpec(ModelFamily.LINEAR_REGRESSION, List.of(2), List.of(), 1);

        try (LoadedModel model = new ModelTrainer().train(spec, new TrainingPlan(60, 20, 0.05, 1, DevicePreference.CPU),
                train, test, r -> { }, () -> false)) {
            RegressionMetrics metrics = ModelEvaluator.regression(model, test);
            Evaluation evaluation = ModelEvaluator.evaluate(model, test);

            assertThat(metrics.r2()).isGreaterThan(0.95);
            assertThat(evaluation.metrics()).containsKeys("mse", "mae", "r2");
            assertThat(evaluation.confusionMatrix()).isEmpty();
        }
    }

    /** y = 2·a − 3·b + 1 plus a little noise. */
    private static LabelledData line(int rows, long seed) {
        Random random = new Random(seed);
        float[] x = new float[rows * 2];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            x[2 * i] = (float) random.nextGaussian();
            x[2 * i + 1] = (float) random.nextGaussian();
            y[i] = 2 * x[2 * i] - 3 * x[2 * i + 1] + 1 + (float) (0.1 * random.nextGaussian());
        }
        return LabelledData.regression(x, y, rows);
    }
}
