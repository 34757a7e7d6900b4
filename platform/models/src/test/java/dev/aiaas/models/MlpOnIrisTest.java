package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.aiaas.ml.metrics.ClassificationMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An MLP trained on the real Iris data, as a training job would train it. */
class MlpOnIrisTest {

    private static final ModelSpec SPEC = ModelSpec.withDefaults(ModelFamily.MLP, List.of(4), List.of(16), 3);
    private static final TrainingPlan PLAN = new TrainingPlan(80, 16, 0.01, 3, DevicePreference.CPU);

    private static RealData.Splits iris;
    private static LoadedModel model;
    private static final List<EpochReport> reports = new ArrayList<>();
    private static long trainingMillis;

    @BeforeAll
    static void train() throws Exception {
        iris = RealData.iris();
        long start = System.nanoTime();
        model = new ModelTrainer().train(SPEC, PLAN, iris.train(), iris.validation(), reports::add, () -> false);
        trainingMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("MLP on Iris: %d epochs in %d ms%n", PLAN.epochs(), trainingMillis);
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void reachesNinetyPercentOnTheHeldOutTestRows() {
        ClassificationMetrics metrics = ModelEvaluator.classification(model, iris.test());

        System.out.printf("MLP on Iris: test %s%n", metrics);
        assertThat(metrics.accuracy()).isGreaterThanOrEqualTo(0.90);
        assertThat(metrics.f1Macro()).isGreaterThanOrEqualTo(0.85);
        assertThat(Arrays.stream(metrics.confusionMatrix()).sum()).isEqualTo(iris.test().rows());
    }

    @Test
    void reportsEveryEpochWithFallingLossAndValidationAccuracy() {
        assertThat(reports).hasSize(PLAN.epochs());
        assertThat(reports).extracting(EpochReport::epoch).startsWith(1, 2).endsWith(PLAN.epochs());
        assertThat(reports.get(reports.size() - 1).trainLoss()).isLessThan(reports.get(0).trainLoss() / 2);
        assertThat(reports.get(reports.size() - 1).validation().get("accuracy")).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void probabilitiesOfABatchSumToOneAndAgreeWithThePredictedClasses() {
        LabelledData test = iris.test();
        float[] probabilities = model.predictProbabilities(test.features(), test.rows());
        int[] classes = model.predictClasses(test.features(), test.rows());

        assertThat(probabilities).hasSize(test.rows() * 3);
        for (int row = 0; row < test.rows(); row++) {
            float sum = probabilities[row * 3] + probabilities[row * 3 + 1] + probabilities[row * 3 + 2];
            assertThat(sum).isCloseTo(1f, within(1e-5f));
            assertThat(ClassScores.argmax(probabilities, test.rows(), 3)[row]).isEqualTo(classes[row]);
        }
    }

    @Test
    void savedParametersLoadBackToIdenticalPredictions(@TempDir Path folder) throws Exception {
        Path saved = model.saveParameters(folder.resolve("fresh"));
        ModelSpec spec = ModelSpecJson.read(ModelSpecJson.write(SPEC));

        try (LoadedModel loaded = LoadedModel.load(spec, saved, Device.cpu())) {
            assertThat(saved.getFileName().toString()).isEqualTo("model-0000.params");
            assertThat(Files.size(saved)).isGreaterThan(4 * 16 * 4);
            LabelledData test = iris.test();
            assertThat(loaded.predictProbabilities(test.features(), test.rows()))
                    .containsExactly(model.predictProbabilities(test.features(), test.rows()));
        }
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        try (LoadedModel again = new ModelTrainer().train(SPEC, PLAN, iris.train(), iris.validation(), r -> { },
                () -> false)) {
            LabelledData test = iris.test();
            assertThat(again.predictProbabilities(test.features(), test.rows()))
                    .containsExactly(model.predictProbabilities(test.features(), test.rows()));
        }
    }
}
