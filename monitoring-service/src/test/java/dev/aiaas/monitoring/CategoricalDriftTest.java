package dev.aiaas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.FeatureProfileJson;
import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Categorical inputs drift once serving logs them (PredictionLogged.categorical_features): each
 * is tested against the training shares of its categories, by χ² up to 1,000 rows and by
 * Jensen–Shannon distance above, beside the numeric inputs. The baseline: 1,000 training rows
 * of a number x (0 … 99, ten times) and a colour, half red, 30 % green, 20 % blue.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class CategoricalDriftTest {

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Inject
    ArtifactStore store;

    private ArtifactRef profile;

    @BeforeEach
    void baseline() {
        Table training = Table.of(NumericColumn.of("x", IntStream.range(0, 1000).mapToDouble(i -> i % 100).toArray()),
                CategoricalColumn.of("colour", colours(500, 300, 200).toArray(String[]::new)));
        StoredArtifact stored = store.put("models/m/" + UUID.randomUUID() + "/profile.json",
                FeatureProfileJson.write(FeatureProfile.of(training)).getBytes(StandardCharsets.UTF_8), "application/json");
        profile = ArtifactRef.newBuilder().setRole("profile").setKey(stored.key()).setSha256(stored.sha256()).build();
    }

    @Test
    void coloursInTheTrainingSharesDoNotDriftAndOtherSharesDoByChiSquare() throws Exception {
        String steady = LoggedPredictions.endpoint("colours-steady");
        String changed = LoggedPredictions.endpoint("colours-changed");
        log(steady, colours(100, 60, 40));
        log(changed, colours(50, 50, 100));

        DriftReport calm = LoggedPredictions.awaitReport(monitoring, steady, 200, report -> true);
        DriftReport moved = LoggedPredictions.awaitReport(monitoring, changed, 200, report -> true);

        assertThat(calm.getFeaturesList()).extracting(FeatureDrift::getFeature).containsExactly("x", "colour");
        FeatureDrift colour = calm.getFeatures(1);
        assertThat(colour.getKind()).isEqualTo(FeatureKind.CATEGORICAL);
        assertThat(colour.getMethod()).isEqualTo(DriftMethod.CHI_SQUARE);
        assertThat(colour.getStatistic()).isCloseTo(0, within(1e-9));
        assertThat(colour.getPValue()).isCloseTo(1, within(1e-9));
        assertThat(colour.getDrifted()).isFalse();
        assertThat(colour.getReferenceCount()).isEqualTo(1000);
        assertThat(calm.getDrifted()).isFalse();
        // expected 100, 60, 40 for 50, 50, 100: χ² = 25 + 1.667 + 90 = 116.7 on 2 degrees of freedom
        FeatureDrift shifted = moved.getFeatures(1);
        assertThat(shifted.getStatistic()).isCloseTo(116.6667, within(1e-3));
        assertThat(shifted.getPValue()).isLessThan(1e-20);
        assertThat(shifted.getDrifted()).isTrue();
        assertThat(shifted.getPsi()).isGreaterThan(0.25);
        // one feature of two drifted: half, the default share at which the input drifts
        assertThat(moved.getDriftShare()).isEqualTo(0.5);
        assertThat(moved.getDrifted()).isTrue();
    }

    @Test
    void missingValuesAreLeftOutAndAColourTrainingNeverSawDrifts() throws Exception {
        String endpoint = LoggedPredictions.endpoint("colours-purple");
        List<String> values = colours(100, 60, 30);
        values.addAll(Collections.nCopies(5, ""));
        values.addAll(Collections.nCopies(5, "purple"));
        log(endpoint, values);

        DriftReport report = LoggedPredictions.awaitReport(monitoring, endpoint, 200, r -> true);

        FeatureDrift colour = report.getFeatures(1);
        assertThat(colour.getSampleCount()).isEqualTo(195);
        assertThat(colour.getPValue()).isLessThan(1e-20);
        assertThat(colour.getDrifted()).isTrue();
    }

    @Test
    void aboveAThousandRowsColoursAreMeasuredByJensenShannonDistance() throws Exception {
        String steady = LoggedPredictions.endpoint("colours-js-steady");
        String changed = LoggedPredictions.endpoint("colours-js-changed");
        log(steady, colours(600, 360, 240));
        log(changed, colours(300, 300, 600));

        DriftReport calm = LoggedPredictions.awaitReport(monitoring, steady, 1200, report -> true);
        DriftReport moved = LoggedPredictions.awaitReport(monitoring, changed, 1200, report -> true);

        assertThat(calm.getFeatures(1).getMethod()).isEqualTo(DriftMethod.JENSEN_SHANNON);
        assertThat(calm.getFeatures(1).getStatistic()).isLessThan(1e-6);
        assertThat(calm.getFeatures(1).getThreshold()).isEqualTo(0.1);
        assertThat(calm.getFeatures(1).getDrifted()).isFalse();
        assertThat(calm.getFeatures(0).getMethod()).isEqualTo(DriftMethod.WASSERSTEIN);
        // P = (0.5, 0.3, 0.2) red, green, blue; Q = (0.25, 0.25, 0.5): JS distance 0.23576 (natural logarithm)
        assertThat(moved.getFeatures(1).getStatistic()).isCloseTo(0.23576, within(1e-3));
        assertThat(moved.getFeatures(1).getDrifted()).isTrue();
    }

    @Test
    void untilCategoricalValuesAreLoggedOnlyTheNumericFeaturesAreReported() throws Exception {
        String endpoint = LoggedPredictions.endpoint("numbers-only");
        List<PredictionLogged> events = new ArrayList<>();
        for (int request = 0; request < 10; request++) {
            PredictionLogged.Builder event = LoggedPredictions.request(endpoint, profile).addFeatureNames("x")
                    .setFeatureCount(1).setRows(10);
            IntStream.range(0, 10).forEach(row -> event.addFeatures(row * 10));
            events.add(event.build());
        }
        LoggedPredictions.send(events);

        DriftReport report = LoggedPredictions.awaitReport(monitoring, endpoint, 100, r -> true);

        assertThat(report.getFeaturesList()).extracting(FeatureDrift::getFeature).containsExactly("x");
    }

    /** Requests of 100 rows: x cycles through 0 … 99, the colour is the next of {@code colours} (shuffled). */
    private void log(String endpoint, List<String> colours) throws Exception {
        Collections.shuffle(colours, new java.util.Random(7));
        List<PredictionLogged> events = new ArrayList<>();
        for (int start = 0; start < colours.size(); start += 100) {
            List<String> rows = colours.subList(start, Math.min(start + 100, colours.size()));
            PredictionLogged.Builder event = LoggedPredictions.request(endpoint, profile)
                    .addFeatureNames("x").setFeatureCount(1).addCategoricalNames("colour").setCategoricalCount(1)
                    .addAllCategoricalFeatures(rows).setRows(rows.size());
            IntStream.range(0, rows.size()).forEach(row -> event.addFeatures(row));
            events.add(event.build());
        }
        LoggedPredictions.send(events);
    }

    private static List<String> colours(int red, int green, int blue) {
        List<String> values = new ArrayList<>(Collections.nCopies(red, "red"));
        values.addAll(Collections.nCopies(green, "green"));
        values.addAll(Collections.nCopies(blue, "blue"));
        return values;
    }
}
