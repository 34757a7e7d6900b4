package dev.aiaas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.FeatureProfileJson;
import dev.aiaas.ml.table.CsvTableReader;
import dev.aiaas.ml.table.Table;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.DriftMethod;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.FeatureDrift;
import dev.aiaas.proto.monitoring.v1.FeatureKind;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.StoredArtifact;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prediction drift: a model version's newest answers against its oldest, half of the sampled
 * rows with answers each. Every endpoint here gets 20 requests of 10 Iris rows (inputs as in
 * training); what changes is what the model answered.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class PredictionDriftTest {

    private static final Path IRIS = Files.exists(Path.of("../datasets/iris.csv"))
            ? Path.of("../datasets/iris.csv") : Path.of("../../shared/datasets/iris.csv");
    private static final List<String> FEATURES = PredictionRows.FEATURES;

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Inject
    ArtifactStore store;

    private Table iris;
    private ArtifactRef profile;

    @BeforeEach
    void baseline() throws Exception {
        iris = CsvTableReader.read(IRIS, "species");
        StoredArtifact stored = store.put("models/iris/" + UUID.randomUUID() + "/profile.json",
                FeatureProfileJson.write(FeatureProfile.of(iris)).getBytes(StandardCharsets.UTF_8), "application/json");
        profile = ArtifactRef.newBuilder().setRole("profile").setKey(stored.key()).setSha256(stored.sha256()).build();
    }

    @Test
    void aClassifierWhoseAnswersKeepTheirSharesDoesNotDriftAndOneThatTurnsToAClassDoes() throws Exception {
        String steady = LoggedPredictions.endpoint("classes-steady");
        String turned = LoggedPredictions.endpoint("classes-turned");
        // row r of request i: steady answers r % 3 throughout; turned answers r % 3 for the first ten
        // requests, then class 2 for 8 rows in 10
        log(steady, (request, row) -> row % 3, null);
        log(turned, (request, row) -> request < 10 ? row % 3 : row < 8 ? 2 : row % 3, null);

        FeatureDrift calm = awaitPrediction(steady);
        FeatureDrift moved = awaitPrediction(turned);

        assertThat(calm.getFeature()).isEqualTo("prediction");
        assertThat(calm.getKind()).isEqualTo(FeatureKind.CATEGORICAL);
        assertThat(calm.getMethod()).isEqualTo(DriftMethod.CHI_SQUARE);
        assertThat(calm.getSampleCount()).isEqualTo(100);
        assertThat(calm.getReferenceCount()).isEqualTo(100);
        assertThat(calm.getStatistic()).isCloseTo(0, within(1e-9));
        assertThat(calm.getDrifted()).isFalse();
        assertThat(moved.getMethod()).isEqualTo(DriftMethod.CHI_SQUARE);
        assertThat(moved.getPValue()).isLessThan(1e-6);
        assertThat(moved.getDrifted()).isTrue();
    }

    @Test
    void aRegressionModelWhoseValuesMoveDrifts() throws Exception {
        String endpoint = LoggedPredictions.endpoint("values-moved");
        // the first ten requests answer 0.0 … 0.9, the last ten 2.0 … 2.9
        log(endpoint, null, (request, row) -> (request < 10 ? 0 : 2) + row / 10f);

        FeatureDrift prediction = awaitPrediction(endpoint);

        assertThat(prediction.getKind()).isEqualTo(FeatureKind.NUMERIC);
        assertThat(prediction.getMethod()).isEqualTo(DriftMethod.KS);
        assertThat(prediction.getStatistic()).isEqualTo(1.0);
        assertThat(prediction.getDrifted()).isTrue();
    }

    @Test
    void oneRequestWithAnswersIsNotEnoughToCompare() throws Exception {
        String endpoint = LoggedPredictions.endpoint("one-answer");
        PredictionLogged.Builder event = LoggedPredictions.request(endpoint, profile).setModelName("iris")
                .addAllFeatureNames(FEATURES).addAllFeatures(PredictionRows.of(iris, 0, 10).get(0)).setRows(10);
        for (int row = 0; row < 10; row++) {
            event.addPredictedClasses(row % 3);
        }
        LoggedPredictions.send(List.of(event.build()));

        DriftReport report = LoggedPredictions.awaitReport(monitoring, endpoint, 10, r -> true);

        assertThat(report.hasPrediction()).isFalse();
        assertThat(report.getFeaturesCount()).isEqualTo(4);
    }

    /** An answer of one row of one request. */
    private interface Answer<T> {
        T of(int request, int row);
    }

    /** 20 requests of 10 Iris rows each, answered by {@code classes} or else by {@code values}. */
    private void log(String endpoint, Answer<Integer> classes, Answer<Float> values) throws Exception {
        List<List<Double>> batches = PredictionRows.of(iris, 0, 10).subList(0, 15);
        List<PredictionLogged> events = new ArrayList<>();
        IntFunction<List<Double>> rows = request -> batches.get(request % batches.size());
        for (int request = 0; request < 20; request++) {
            PredictionLogged.Builder event = LoggedPredictions.request(endpoint, profile).setModelName("iris")
                    .addAllFeatureNames(FEATURES).addAllFeatures(rows.apply(request)).setRows(10);
            for (int row = 0; row < 10; row++) {
                if (classes != null) {
                    event.addPredictedClasses(classes.of(request, row));
                } else {
                    event.addPredictedValues(values.of(request, row)).setPredictedWidth(1);
                }
            }
            events.add(event.build());
        }
        LoggedPredictions.send(events);
    }

    private FeatureDrift awaitPrediction(String endpoint) throws InterruptedException {
        return LoggedPredictions.awaitReport(monitoring, endpoint, 200, DriftReport::hasPrediction).getPrediction();
    }
}
