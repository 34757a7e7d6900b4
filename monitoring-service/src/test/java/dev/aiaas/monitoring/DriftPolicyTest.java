package dev.aiaas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.FeatureProfileJson;
import dev.aiaas.ml.table.CsvTableReader;
import dev.aiaas.ml.table.Table;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.DriftMethod;
import dev.aiaas.proto.monitoring.v1.DriftPolicy;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.FeatureDrift;
import dev.aiaas.proto.monitoring.v1.GetDriftPolicyRequest;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.proto.monitoring.v1.SetDriftPolicyRequest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.StoredArtifact;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each endpoint's drift policy: set by its editors, read back, and followed by its drift report. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class DriftPolicyTest {

    private static final Path IRIS = Files.exists(Path.of("../datasets/iris.csv"))
            ? Path.of("../datasets/iris.csv") : Path.of("../../shared/datasets/iris.csv");

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Inject
    ArtifactStore store;

    @Test
    void aPolicySetBeforeTheFirstPredictionIsReadBackAndDecidesTheReport() throws Exception {
        String endpoint = LoggedPredictions.endpoint("policy-psi");
        DriftPolicy psi = DriftPolicy.newBuilder().setEndpoint(endpoint).setNumericMethod(DriftMethod.PSI)
                .setNumericThreshold(0.3).setCategoricalMethod(DriftMethod.JENSEN_SHANNON).setDriftShare(1.0).build();

        DriftPolicy set = monitoring.setDriftPolicy(SetDriftPolicyRequest.newBuilder().setPolicy(psi).build());
        logIris(endpoint, 0.5);
        DriftReport report = LoggedPredictions.awaitReport(monitoring, endpoint, 150, r -> true);

        assertThat(set).isEqualTo(psi);
        assertThat(get(endpoint)).isEqualTo(psi);
        assertThat(report.getPolicy()).isEqualTo(psi);
        assertThat(report.getThreshold()).isEqualTo(0.3);
        assertThat(report.getDriftShareThreshold()).isEqualTo(1.0);
        assertThat(report.getFeaturesList()).hasSize(4).allSatisfy(feature -> {
            assertThat(feature.getMethod()).isEqualTo(DriftMethod.PSI);
            assertThat(feature.getThreshold()).isEqualTo(0.3);
            assertThat(feature.getStatistic()).isEqualTo(feature.getPsi());
            assertThat(feature.getPValue()).isNaN();
            assertThat(feature.getDrifted()).as(feature.getFeature()).isEqualTo(feature.getPsi() >= 0.3);
        });
        // only when every feature drifted does the input, at a share of 1
        assertThat(report.getDrifted()).isEqualTo(report.getFeaturesList().stream().allMatch(FeatureDrift::getDrifted));
    }

    @Test
    void anEndpointWithoutAPolicyFollowsTheDefaultsAndSettingAgainReplacesThePolicy() {
        String endpoint = LoggedPredictions.endpoint("policy-default");

        DriftPolicy before = get(endpoint);
        monitoring.setDriftPolicy(SetDriftPolicyRequest.newBuilder().setPolicy(DriftPolicy.newBuilder()
                .setEndpoint(endpoint).setNumericMethod(DriftMethod.KS).setNumericThreshold(0.01)).build());
        monitoring.setDriftPolicy(SetDriftPolicyRequest.newBuilder().setPolicy(DriftPolicy.newBuilder()
                .setEndpoint(endpoint).setDriftShare(0.25)).build());

        assertThat(before).isEqualTo(DriftPolicy.newBuilder().setEndpoint(endpoint).build());
        assertThat(get(endpoint)).isEqualTo(DriftPolicy.newBuilder().setEndpoint(endpoint).setDriftShare(0.25).build());
    }

    @Test
    void policiesThatCannotBeReadAreRefusedSayingWhy() {
        String endpoint = LoggedPredictions.endpoint("policy-refused");

        assertThat(refusal(DriftPolicy.newBuilder().setEndpoint(endpoint).setNumericThreshold(0.05)))
                .contains("needs its method");
        assertThat(refusal(DriftPolicy.newBuilder().setEndpoint(endpoint).setCategoricalMethod(DriftMethod.KS)))
                .contains("KS does not measure categorical features");
        assertThat(refusal(DriftPolicy.newBuilder().setEndpoint(endpoint).setNumericMethod(DriftMethod.KS)
                .setNumericThreshold(1.1))).contains("a p-value in (0, 1)");
        assertThat(refusal(DriftPolicy.newBuilder().setEndpoint(endpoint).setDriftShare(1.5))).contains("(0, 1]");
        assertThat(refusal(DriftPolicy.newBuilder().setEndpoint("Not A Name"))).contains("is not valid");
        assertThat(get(endpoint)).as("nothing was stored").isEqualTo(DriftPolicy.newBuilder().setEndpoint(endpoint).build());
    }

    private DriftPolicy get(String endpoint) {
        return monitoring.getDriftPolicy(GetDriftPolicyRequest.newBuilder().setEndpoint(endpoint).build());
    }

    private String refusal(DriftPolicy.Builder policy) {
        StatusRuntimeException refused = (StatusRuntimeException) catchThrowable(
                () -> monitoring.setDriftPolicy(SetDriftPolicyRequest.newBuilder().setPolicy(policy).build()));
        assertThat(refused).isNotNull();
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        return refused.getStatus().getDescription();
    }

    private void logIris(String endpoint, double shiftInStd) throws Exception {
        Table iris = CsvTableReader.read(IRIS, "species");
        StoredArtifact stored = store.put("models/iris/" + UUID.randomUUID() + "/profile.json",
                FeatureProfileJson.write(FeatureProfile.of(iris)).getBytes(StandardCharsets.UTF_8), "application/json");
        ArtifactRef profile = ArtifactRef.newBuilder().setRole("profile").setKey(stored.key())
                .setSha256(stored.sha256()).build();
        List<PredictionLogged> events = PredictionRows.of(iris, shiftInStd, 10).stream()
                .map(rows -> LoggedPredictions.request(endpoint, profile).addAllFeatureNames(PredictionRows.FEATURES)
                        .addAllFeatures(rows).setRows(rows.size() / PredictionRows.FEATURES.size()).build())
                .toList();
        LoggedPredictions.send(events);
    }
}
