package dev.aiaas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Topics;
import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.FeatureProfileJson;
import dev.aiaas.ml.table.CsvTableReader;
import dev.aiaas.ml.table.Table;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.FeatureDrift;
import dev.aiaas.proto.monitoring.v1.GetDriftReportRequest;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.StoredArtifact;
import dev.aiaas.testing.RealServers;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
        logRows(steady, 0.0);
        logRows(shifted, 3.0);

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
    void endpointWithoutSampledInputsIsNotFound() {
        assertThatThrownBy(() -> monitoring.getDriftReport(GetDriftReportRequest.newBuilder().setEndpoint("quiet").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    /** Logs every Iris row in batches of 10, each feature moved by {@code shiftInStd} of its std. */
    private void logRows(String endpoint, double shiftInStd) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (List<Double> rows : PredictionRows.of(iris, shiftInStd, 10)) {
                PredictionLogged event = PredictionLogged.newBuilder()
                        .setHeader(EventHeaders.newHeader("test", Projects.DEFAULT)).setEndpoint(endpoint)
                        .setModelName("iris").setModelVersion(4).setStatus("OK").setLatencySeconds(0.002)
                        .setReceivedAt(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()))
                        .addAllFeatureNames(FEATURES).setBaselineProfile(profile)
                        .addAllFeatures(rows).setRows(rows.size() / FEATURES.size()).build();
                producer.send(new ProducerRecord<>(Topics.SERVING_PREDICTIONS, endpoint, event.toByteArray())).get();
            }
        }
    }

    private DriftReport awaitReport(String endpoint, long rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                DriftReport report = monitoring.getDriftReport(GetDriftReportRequest.newBuilder().setEndpoint(endpoint).build());
                if (report.getSampleCount() >= rows) {
                    return report;
                }
            } catch (StatusRuntimeException notYet) {
                // NOT_FOUND until the first sample is stored
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no drift report over " + rows + " rows for " + endpoint);
    }
}
