package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.AnomalyScenario;
import dev.aiaas.cli.demo.AnomalySummary;
import dev.aiaas.cli.demo.ForecastScenario;
import dev.aiaas.cli.demo.ForecastSummary;
import dev.aiaas.cli.demo.Progress;
import dev.aiaas.cli.demo.RawOutputs;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.preprocess.v1.GetPreparedDatasetRequest;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.storage.ArtifactStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's forecast and anomaly scenarios against the running stack, from the bundled files
 * to served models, checked as a user would: the LSTM forecasts Seattle's maximum temperature
 * better than "tomorrow is as warm as today" on the test days, and its endpoint forecasts a raw
 * 14-day window exactly as it forecasts the same window transformed by the model's own fitted
 * transform; the autoencoder trained on zeros tells other digits from zeros (test ROC-AUC at
 * least 0.90), and its endpoint scores other digits above zeros and flags most of them.
 */
class TaskScenariosIT {

    private static final String WEATHER = "weather";

    private static LocalStack stack;
    private static Services services;
    private static Path datasets;
    private static ForecastSummary forecast;
    private static AnomalySummary anomaly;

    @BeforeAll
    static void runTheForecastAndAnomalyScenarios() throws Exception {
        stack = RunningStack.get();
        services = RunningStack.connect(stack);
        datasets = ServicesUnderTest.repositoryRoot().resolve("datasets");
        Progress progress = new Progress(System.out);
        forecast = new ForecastScenario(services, progress, datasets).run();
        forecast.print(System.out);
        anomaly = new AnomalyScenario(services, progress, datasets).run();
        anomaly.print(System.out);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void theForecasterBeatsTheNaiveLastValueForecastOnTheTestDays() {
        assertThat(forecast.outcome().rows()).isEqualTo(1461);
        assertThat(forecast.naiveMae()).as("naive last-value MAE, °C").isGreaterThan(1.0).isLessThan(4.0);
        assertThat(forecast.mae()).as("LSTM test MAE, °C, against naive %.4f", forecast.naiveMae())
                .isLessThan(forecast.naiveMae());
    }

    @Test
    void aRawWindowIsForecastAsTheSameDaysTransformedByTheModelsOwnTransform() throws Exception {
        List<Map<String, JsonNode>> days = ForecastScenario.lastRows(datasets.resolve("seattle-weather.csv"),
                ForecastScenario.WINDOW);
        FittedPipeline transform = transform(WEATHER, forecast.outcome().datasetVersion(), "forecast");
        float[] window = transform.applyWindow(records(days, transform.inputColumns()));
        int features = transform.featureNames().size();

        float fromRaw = RawOutputs.floats(services.inference().modelInfer(
                ForecastScenario.rawWindow(services.inference(), WEATHER, days)), "predictions")[0];
        float fromPrepared = RawOutputs.floats(services.inference().modelInfer(prepared(WEATHER, window, features)),
                "predictions")[0];

        System.out.printf("forecast of the last %d days: from raw rows %.4f °C, from the prepared window %.4f °C%n",
                ForecastScenario.WINDOW, fromRaw, fromPrepared);
        assertThat(window).hasSize(ForecastScenario.WINDOW * features);
        assertThat(fromRaw).isCloseTo(fromPrepared, within(1e-4f));
        assertThat((double) fromRaw).isCloseTo(forecast.nextDay(), within(1e-4));
        assertThat(fromRaw).as("within the data's range of temp_max, -1.6..35.6 °C").isBetween(-1.6f, 35.6f);
    }

    @Test
    void theDetectorTellsOtherDigitsFromZeros() {
        assertThat(anomaly.outcome().rows()).isEqualTo(10_000);
        assertThat(anomaly.rocAuc()).as("test ROC-AUC").isGreaterThanOrEqualTo(0.90);
        assertThat(anomaly.outcome().metric("precision")).isBetween(0.0, 1.0);
        assertThat(anomaly.outcome().metric("recall")).isBetween(0.0, 1.0);
    }

    @Test
    void theDetectorsEndpointScoresOtherDigitsAboveZerosAndFlagsMostOfThem() {
        List<AnomalySummary.Scored> others = anomaly.scored().stream().filter(s -> !s.normal()).toList();

        assertThat(others).extracting(AnomalySummary.Scored::digit)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(anomaly.meanScore(false)).as("mean score of other digits against zeros")
                .isGreaterThan(anomaly.meanScore(true));
        assertThat(others.stream().filter(AnomalySummary.Scored::anomaly).count()).as("other digits flagged")
                .isGreaterThan(others.size() / 2);
    }

    /** The fitted transform the version was prepared with, read from the object store. */
    private static FittedPipeline transform(String dataset, long version, String pipeline) throws Exception {
        PreparedDataset prepared = services.preprocess().getPreparedDataset(GetPreparedDatasetRequest.newBuilder()
                .setDataset(dataset).setDatasetVersion(version).setPipeline(pipeline).build());
        try (ArtifactStore store = new ArtifactStore(stack.endpoints().artifactStore())) {
            return FittedPipelineJson.read(new String(store.readAllVerified(prepared.getTransform().getKey(),
                    prepared.getTransform().getSha256()), StandardCharsets.UTF_8));
        }
    }

    /** CSV rows as the transform takes records: numbers for numeric columns, text for the others. */
    private static List<Map<String, Object>> records(List<Map<String, JsonNode>> rows, List<ColumnSpec> columns) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Map<String, JsonNode> row : rows) {
            Map<String, Object> record = new HashMap<>();
            for (ColumnSpec column : columns) {
                String text = row.get(column.name()).asText();
                Object value = column.kind() == ColumnKind.NUMERIC ? Double.valueOf(text) : text;
                record.put(column.name(), value);
            }
            records.add(record);
        }
        return records;
    }

    /** One prepared example [1, W, F] as the model-ready input. */
    private static ModelInferRequest prepared(String endpoint, float[] window, int features) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (float value : window) {
            contents.addFp32Contents(value);
        }
        return ModelInferRequest.newBuilder().setModelName(endpoint)
                .addInputs(InferInputTensor.newBuilder().setName("input").setDatatype("FP32").addShape(1)
                        .addShape(ForecastScenario.WINDOW).addShape(features).setContents(contents))
                .build();
    }
}
