package dev.aiaas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.DOUBLE;

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
import dev.aiaas.proto.monitoring.v1.GetDriftReportRequest;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.StoredArtifact;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class DriftReportTest {

    private static final Path IRIS = Files.exists(Path.of("../datasets/iris.csv"))
            ? Path.of("../datasets/iris.csv") : Path.of("../../shared/datasets/iris.csv");
    private static final List<String> FEATURES = PredictionRows.FEATURES;

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Inject
    ArtifactStore store;

    @Inject
    MeterRegistry meters;

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
    void inputsLikeTheTrainingDataDoNotDriftButShiftedOnesDo() throws Exception {
        String steady = "steady-" + UUID.randomUUID().toString().substring(0, 8);
        String shifted = "shifted-" + UUID.randomUUID().toString().substring(0, 8);
        logRows(steady, 0.0, 1);
        logRows(shifted, 3.0, 1);

        DriftReport calm = awaitReport(steady, 150);
        DriftReport drifted = awaitReport(shifted, 150);

        assertThat(calm.getFeaturesList()).extracting(FeatureDrift::getFeature).containsExactlyElementsOf(FEATURES);
        assertThat(calm.getOverallPsi()).isLessThan(0.05);
        assertThat(calm.getDrifted()).isFalse();
        assertThat(drifted.getOverallPsi()).isGreaterThan(0.25);
        assertThat(drifted.getFeaturesList()).allMatch(FeatureDrift::getDrifted);
        assertThat(drifted.getModelVersion()).isEqualTo(4);
    }

    @Test
    void upToAThousandRowsEachNumericFeatureIsTestedByKolmogorovSmirnovAtFivePercent() throws Exception {
        String steady = "ks-steady-" + UUID.randomUUID().toString().substring(0, 8);
        String shifted = "ks-shifted-" + UUID.randomUUID().toString().substring(0, 8);
        logRows(steady, 0.0, 1);
        logRows(shifted, 0.5, 1);

        DriftReport calm = awaitReport(steady, 150);
        DriftReport moved = awaitReport(shifted, 150);

        assertThat(calm.getFeaturesList()).allSatisfy(feature -> {
            assertThat(feature.getKind()).isEqualTo(FeatureKind.NUMERIC);
            assertThat(feature.getMethod()).isEqualTo(DriftMethod.KS);
            assertThat(feature.getThreshold()).isEqualTo(0.05);
            assertThat(feature.getStatistic()).as(feature.getFeature()).isLessThan(0.05);
            assertThat(feature.getPValue()).as(feature.getFeature()).isGreaterThan(0.5);
            assertThat(feature.getSampleCount()).isEqualTo(150);
            assertThat(feature.getReferenceCount()).isEqualTo(150);
            assertThat(feature.getDrifted()).isFalse();
        });
        assertThat(calm.getDriftShare()).isZero();
        assertThat(calm.getDriftShareThreshold()).isEqualTo(0.5);
        assertThat(calm.getDrifted()).isFalse();
        // half a standard deviation: every feature's D is well above what 150 against 150 rows allow at p 0.05
        assertThat(moved.getFeaturesList()).allSatisfy(feature -> {
            assertThat(feature.getMethod()).isEqualTo(DriftMethod.KS);
            assertThat(feature.getPValue()).as(feature.getFeature()).isLessThan(0.05);
            assertThat(feature.getDrifted()).isTrue();
        });
        assertThat(moved.getDriftShare()).isEqualTo(1.0);
        assertThat(moved.getDrifted()).isTrue();
        assertThat(moved.hasPrediction()).as("no answers were logged").isFalse();
    }

    @Test
    void aboveAThousandRowsEachNumericFeatureIsMeasuredByWassersteinInStandardDeviations() throws Exception {
        String steady = "w-steady-" + UUID.randomUUID().toString().substring(0, 8);
        String shifted = "w-shifted-" + UUID.randomUUID().toString().substring(0, 8);
        logRows(steady, 0.0, 7);
        logRows(shifted, 0.5, 7);

        DriftReport calm = awaitReport(steady, 1050);
        DriftReport moved = awaitReport(shifted, 1050);

        assertThat(calm.getFeaturesList()).allSatisfy(feature -> {
            assertThat(feature.getMethod()).isEqualTo(DriftMethod.WASSERSTEIN);
            assertThat(feature.getThreshold()).isEqualTo(0.1);
            assertThat(feature.getStatistic()).as(feature.getFeature()).isLessThan(0.05);
            assertThat(feature.getPValue()).isNaN();
            assertThat(feature.getDrifted()).isFalse();
        });
        // every value moved by half a standard deviation moves the whole distribution by 0.5 of them
        assertThat(moved.getFeaturesList()).allSatisfy(feature -> {
            assertThat(feature.getStatistic()).as(feature.getFeature()).isCloseTo(0.5, within(0.05));
            assertThat(feature.getDrifted()).isTrue();
        });
        assertThat(moved.getDrifted()).isTrue();
        assertThat(meters.find("aiaas_monitoring_feature_drift")
                .tags("endpoint", shifted, "feature", "petal_length", "method", "WASSERSTEIN").gauge())
                .isNotNull().extracting(gauge -> gauge.value()).asInstanceOf(DOUBLE).isCloseTo(0.5, within(0.05));
        assertThat(meters.find("aiaas_monitoring_drift_share").tags("endpoint", shifted).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void endpointWithoutSampledInputsIsNotFound() {
        assertThatThrownBy(() -> monitoring.getDriftReport(GetDriftReportRequest.newBuilder().setEndpoint("quiet").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    /** Logs every Iris row {@code times} times in batches of 10, each feature moved by {@code shiftInStd} of its std. */
    private void logRows(String endpoint, double shiftInStd, int times) throws Exception {
        List<PredictionLogged> events = new ArrayList<>();
        for (int time = 0; time < times; time++) {
            for (List<Double> rows : PredictionRows.of(iris, shiftInStd, 10)) {
                events.add(LoggedPredictions.request(endpoint, profile).setModelName("iris").setModelVersion(4)
                        .addAllFeatureNames(FEATURES).addAllFeatures(rows).setRows(rows.size() / FEATURES.size()).build());
            }
        }
        LoggedPredictions.send(events);
    }

    private DriftReport awaitReport(String endpoint, long rows) throws InterruptedException {
        return LoggedPredictions.awaitReport(monitoring, endpoint, rows, report -> true);
    }
}
