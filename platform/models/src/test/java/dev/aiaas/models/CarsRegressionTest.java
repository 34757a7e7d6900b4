package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.ml.transform.LabelTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression on real data with gaps and categories: miles per gallon of the cars data set
 * (Horsepower missing for some, Year and Origin categorical), by a linear regression and by an
 * MLP regressor, each reaching test R² ≥ 0.75 with predictions in miles per gallon.
 */
class CarsRegressionTest {

    private static RealData.Splits cars;

    @BeforeAll
    static void prepare() throws Exception {
        cars = RealData.cars();
    }

    @Test
    void aLinearRegressionWithTheDefaultPlanExplainsMostOfTheVariance() {
        ModelSpec spec = new ModelSpec(ModelFamily.LINEAR_REGRESSION, List.of(cars.train().rowSize()), List.of(), 1);
        List<EpochReport> epochs = new ArrayList<>();

        try (LoadedModel model = new ModelTrainer().train(spec, new TrainingPlan(20, 32, 0.01, 42, DevicePreference.CPU),
                cars.train(), cars.validation(), epochs::add, () -> false)) {
            Map<String, Double> metrics = ModelEvaluator.evaluate(model, cars.test()).metrics();
            System.out.printf("cars, linear regression, 20 epochs: test %s%n", metrics);

            assertThat(metrics.get("r2")).as("test R² %s", metrics).isGreaterThanOrEqualTo(0.75);
            assertThat(metrics.get("rmse")).isCloseTo(Math.sqrt(metrics.get("mse")), org.assertj.core.data.Offset
                    .offset(1e-9));
            assertThat(metrics.get("mae")).as("miles per gallon, not standardised units").isBetween(1.0, 5.0);
            assertThat(model.spec().scaling().mean()).as("the training targets' mean").isBetween(20.0, 27.0);
            assertThat(epochs.get(epochs.size() - 1).validation().get("mse"))
                    .as("validation MSE in squared miles per gallon").isBetween(1.0, 40.0);
        }
    }

    @Test
    void anMlpRegressorLearnsTheSameFromTheSameRows() {
        ModelSpec spec = ModelSpec.withDefaults(ModelFamily.MLP, List.of(cars.train().rowSize()), List.of(32), 1,
                LabelTask.REGRESSION);

        try (LoadedModel model = new ModelTrainer().train(spec, new TrainingPlan(60, 32, 0.005, 42, DevicePreference.CPU),
                cars.train(), cars.validation(), report -> { }, () -> false)) {
            Map<String, Double> metrics = ModelEvaluator.evaluate(model, cars.test()).metrics();
            float[] first = model.predict(java.util.Arrays.copyOf(cars.test().features(), cars.test().rowSize()), 1);
            System.out.printf("cars, MLP regressor [32], 60 epochs: test %s%n", metrics);

            assertThat(metrics.get("r2")).as("test R² %s", metrics).isGreaterThanOrEqualTo(0.75);
            assertThat(model.spec().task()).isEqualTo(LabelTask.REGRESSION);
            assertThat(first[0]).as("a car's predicted miles per gallon").isBetween(5f, 50f);
        }
    }

    @Test
    void theScalingTravelsWithTheSpecSoAReloadedModelAnswersInTheSameUnits() {
        ModelSpec spec = new ModelSpec(ModelFamily.LINEAR_REGRESSION, List.of(cars.train().rowSize()), List.of(), 1);
        try (LoadedModel model = new ModelTrainer().train(spec, new TrainingPlan(5, 32, 0.01, 42, DevicePreference.CPU),
                cars.train(), cars.validation(), report -> { }, () -> false)) {
            ModelSpec written = ModelSpecJson.read(ModelSpecJson.write(model.spec()));

            assertThat(written).isEqualTo(model.spec());
            assertThat(ModelSpecJson.write(model.spec())).contains("\"task\" : \"REGRESSION\"", "\"targetScaling\"");
        }
    }
}
