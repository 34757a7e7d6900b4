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
import dev.aiaas.proto.events.v1.CallAudited;
import dev.aiaas.proto.events.v1.EventHeader;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.GetDriftReportRequest;
import dev.aiaas.proto.monitoring.v1.GetModelMetricsRequest;
import dev.aiaas.proto.monitoring.v1.ListAuditEventsRequest;
import dev.aiaas.proto.monitoring.v1.ModelMetrics;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.StoredArtifact;
import dev.aiaas.testing.RealServers;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Projects are the unit of isolation: an endpoint is named within its project, so the endpoint
 * "iris" of alpha and the one of beta are counted, sampled and reported apart, each under the
 * project its prediction log records name; another project's endpoint is NOT_FOUND exactly like
 * one monitoring has no data for, and a record from before projects counts in "default".
 * Security is off in tests, so a call names its project in the {@value Projects#HEADER} header.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class ProjectIsolationTest {

    private static final Path IRIS = Files.exists(Path.of("../datasets/iris.csv"))
            ? Path.of("../datasets/iris.csv") : Path.of("../../shared/datasets/iris.csv");
    private static final List<String> FEATURES = PredictionRows.FEATURES;
    private static final String ENDPOINT = "iris";

    /** The traffic of alpha's and beta's "iris", logged once for the whole class. */
    private static boolean logged;

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Inject
    ArtifactStore store;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void logIrisInAlphaAndBeta() throws Exception {
        if (logged) {
            return;
        }
        Table iris = CsvTableReader.read(IRIS, "species");
        // alpha: 15 requests of 10 rows like the training data, fast, none failed, model v1
        logRequests("alpha", 1, baseline("alpha", iris), PredictionRows.of(iris, 0.0, 10), 0.004, 0);
        // beta: 10 requests of 15 rows moved by 3 std, slow, 2 failed, model v7
        logRequests("beta", 7, baseline("beta", iris), PredictionRows.of(iris, 3.0, 15), 0.120, 2);
        awaitRequests("alpha", ENDPOINT, 15);
        awaitRequests("beta", ENDPOINT, 10);
        logged = true;
    }

    @Test
    void eachProjectsEndpointIrisReportsOnlyItsOwnTraffic() {
        ModelMetrics alpha = in("alpha").getModelMetrics(metrics(ENDPOINT));
        ModelMetrics beta = in("beta").getModelMetrics(metrics(ENDPOINT));

        assertThat(alpha.getEndpoint()).isEqualTo(ENDPOINT);
        assertThat(alpha.getRequestCount()).isEqualTo(15);
        assertThat(alpha.getErrorCount()).isZero();
        assertThat(alpha.getRowCount()).isEqualTo(150);
        assertThat(alpha.getLatency().getP99Seconds()).isBetween(0.0038, 0.0042);
        assertThat(beta.getRequestCount()).isEqualTo(10);
        assertThat(beta.getErrorCount()).isEqualTo(2);
        assertThat(beta.getRowCount()).isEqualTo(150);
        assertThat(beta.getLatency().getP50Seconds()).isBetween(0.114, 0.126);
        assertThat(counted("alpha", "ok")).isEqualTo(15);
        assertThat(counted("beta", "ok")).isEqualTo(8);
        assertThat(counted("beta", "error")).isEqualTo(2);
    }

    @Test
    void eachProjectsEndpointIrisDriftsAgainstItsOwnInputsAndBaseline() throws InterruptedException {
        DriftReport alpha = awaitDrift("alpha", 150);
        DriftReport beta = awaitDrift("beta", 150);

        assertThat(alpha.getModelVersion()).isEqualTo(1);
        assertThat(alpha.getOverallPsi()).isLessThan(0.05);
        assertThat(alpha.getDrifted()).isFalse();
        assertThat(beta.getModelVersion()).isEqualTo(7);
        assertThat(beta.getOverallPsi()).isGreaterThan(0.25);
        assertThat(beta.getDrifted()).isTrue();
        assertThat(psiGauge("alpha")).as("alpha's gauge").isLessThan(0.2);
        assertThat(psiGauge("beta")).as("beta's gauge").isGreaterThan(0.25);
    }

    @Test
    void anotherProjectsEndpointIsNotFoundExactlyLikeOneWithNoData() {
        String missing = "nowhere-" + UUID.randomUUID().toString().substring(0, 8);
        String noMetrics = notFound(() -> in("alpha").getModelMetrics(metrics(missing))).replace(missing, "?");
        String noDrift = notFound(() -> in("alpha").getDriftReport(drift(missing))).replace(missing, "?");

        assertThat(notFound(() -> monitoring.getModelMetrics(metrics(ENDPOINT))).replace(ENDPOINT, "?"))
                .as("a call naming no project acts in default").isEqualTo(noMetrics);
        assertThat(notFound(() -> monitoring.getDriftReport(drift(ENDPOINT))).replace(ENDPOINT, "?")).isEqualTo(noDrift);
        assertThat(notFound(() -> in("gamma").getModelMetrics(metrics(ENDPOINT))).replace(ENDPOINT, "?"))
                .isEqualTo(noMetrics);
        assertThat(notFound(() -> in("gamma").getDriftReport(drift(ENDPOINT))).replace(ENDPOINT, "?")).isEqualTo(noDrift);
    }

    @Test
    void aRecordFromBeforeProjectsCountsInTheDefaultProject() throws Exception {
        String endpoint = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        try (var producer = producer()) {
            for (int i = 0; i < 3; i++) {
                EventHeader noProject = EventHeaders.newHeader("test", Projects.DEFAULT).toBuilder().clearProject().build();
                send(producer, request(noProject, endpoint, 1, 0.004, "OK").setRows(2).build());
            }
        }

        assertThat(awaitRequests(Projects.DEFAULT, endpoint, 3).getRowCount()).isEqualTo(6);
        assertThat(monitoring.getModelMetrics(metrics(endpoint)).getRequestCount()).isEqualTo(3);
        notFound(() -> in("alpha").getModelMetrics(metrics(endpoint)));
    }

    @Test
    void anAuditListingThatNamesNoProjectListsTheCallersProject() throws Exception {
        String method = "aiaas.test.v1.Test/Change" + UUID.randomUUID().toString().substring(0, 8);
        try (var producer = producer()) {
            for (String project : List.of("alpha", "beta", Projects.DEFAULT)) {
                CallAudited audited = CallAudited.newBuilder().setHeader(EventHeaders.newHeader("test", project))
                        .setService("test-service").setMethod(method).setProject(project).setOutcome("OK").build();
                producer.send(new ProducerRecord<>(Topics.AUDIT, project, audited.toByteArray())).get();
            }
        }
        ListAuditEventsRequest ofMethod = ListAuditEventsRequest.newBuilder().setMethod(method).build();

        assertThat(awaitAudited(() -> in("beta").listAuditEvents(ofMethod).getEventsList())).containsExactly("beta");
        assertThat(awaitAudited(() -> in("alpha").listAuditEvents(ofMethod).getEventsList())).containsExactly("alpha");
        assertThat(awaitAudited(() -> monitoring.listAuditEvents(ofMethod).getEventsList())).containsExactly("default");
    }

    /** Monitoring as seen by a caller of {@code project}. */
    private MonitoringServiceBlockingStub in(String project) {
        return ProjectHeader.on(monitoring, project);
    }

    /** The project's baseline profile of its model "iris", where training would put it. */
    private ArtifactRef baseline(String project, Table iris) {
        String key = ObjectKeys.modelArtifacts(project, "iris", "job-" + UUID.randomUUID()) + ObjectKeys.PROFILE;
        StoredArtifact stored = store.put(key, FeatureProfileJson.write(FeatureProfile.of(iris))
                .getBytes(StandardCharsets.UTF_8), "application/json");
        return ArtifactRef.newBuilder().setRole("profile").setKey(stored.key()).setSha256(stored.sha256()).build();
    }

    /** One request per batch of rows to the project's "iris"; the last {@code failed} of them fail. */
    private static void logRequests(String project, long version, ArtifactRef profile, List<List<Double>> batches,
            double latency, int failed) throws Exception {
        try (var producer = producer()) {
            for (int i = 0; i < batches.size(); i++) {
                List<Double> features = batches.get(i);
                String status = i >= batches.size() - failed ? "INTERNAL" : "OK";
                send(producer, request(EventHeaders.newHeader("test", project), ENDPOINT, version, latency, status)
                        .setRows(features.size() / FEATURES.size()).addAllFeatureNames(FEATURES)
                        .addAllFeatures(features).setFeatureCount(FEATURES.size()).setBaselineProfile(profile).build());
            }
        }
    }

    private static PredictionLogged.Builder request(EventHeader header, String endpoint, long version, double latency,
            String status) {
        Instant now = Instant.now();
        return PredictionLogged.newBuilder().setHeader(header).setEndpoint(endpoint).setModelName("iris")
                .setModelVersion(version).setRequestId(UUID.randomUUID().toString()).setLatencySeconds(latency)
                .setStatus(status).setReceivedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()));
    }

    private static void send(KafkaProducer<String, byte[]> producer, PredictionLogged event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.SERVING_PREDICTIONS, event.getEndpoint(), event.toByteArray())).get();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private ModelMetrics awaitRequests(String project, String endpoint, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (in(project).getModelMetrics(metrics(endpoint)).getRequestCount() >= expected) {
                    Thread.sleep(500); // a late duplicate, or a record counted in the wrong project, would show now
                    return in(project).getModelMetrics(metrics(endpoint));
                }
            } catch (StatusRuntimeException notYet) {
                // NOT_FOUND until the first record is counted
            }
            Thread.sleep(200);
        }
        throw new AssertionError(project + "'s " + endpoint + " did not count " + expected + " requests");
    }

    private DriftReport awaitDrift(String project, long rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            DriftReport report = in(project).getDriftReport(drift(ENDPOINT));
            if (report.getSampleCount() >= rows) {
                return report;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no drift report over " + rows + " rows for " + project + "'s " + ENDPOINT);
    }

    /** The projects of the audit records listed, once all three have been kept. */
    private static List<String> awaitAudited(Supplier<List<CallAudited>> list) throws InterruptedException {
        for (int attempt = 0; attempt < 100 && list.get().isEmpty(); attempt++) {
            Thread.sleep(200);
        }
        Thread.sleep(500); // the other projects' records, kept meanwhile, must not show up either
        return list.get().stream().map(CallAudited::getProject).toList();
    }

    private double counted(String project, String outcome) {
        var counter = meters.find("aiaas_monitoring_predictions_total")
                .tags("project", project, "endpoint", ENDPOINT, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double psiGauge(String project) {
        return meters.get("aiaas_monitoring_feature_psi")
                .tags("project", project, "endpoint", ENDPOINT, "feature", "petal_length").gauge().value();
    }

    private static GetModelMetricsRequest metrics(String endpoint) {
        return GetModelMetricsRequest.newBuilder().setEndpoint(endpoint).build();
    }

    private static GetDriftReportRequest drift(String endpoint) {
        return GetDriftReportRequest.newBuilder().setEndpoint(endpoint).build();
    }

    /** The description of the NOT_FOUND the call fails with. */
    private static String notFound(Runnable call) {
        String[] description = new String[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
            description[0] = e.getStatus().getDescription();
        });
        return description[0];
    }
}
