package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.FileImport;
import dev.aiaas.cli.demo.PreparedDatasets;
import dev.aiaas.errors.Projects;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.proto.ingest.v1.AutoSeal;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.ImportFileHeader;
import dev.aiaas.proto.ingest.v1.SealVersionRequest;
import dev.aiaas.proto.ingest.v1.SetAutoSealRequest;
import dev.aiaas.proto.monitoring.v1.AlertKind;
import dev.aiaas.proto.monitoring.v1.AlertRule;
import dev.aiaas.proto.monitoring.v1.Decision;
import dev.aiaas.proto.monitoring.v1.DecisionAction;
import dev.aiaas.proto.monitoring.v1.GetRetrainingPolicyRequest;
import dev.aiaas.proto.monitoring.v1.ListAlertsRequest;
import dev.aiaas.proto.monitoring.v1.ListDecisionsRequest;
import dev.aiaas.proto.monitoring.v1.RetrainingPolicy;
import dev.aiaas.proto.monitoring.v1.RunStage;
import dev.aiaas.proto.monitoring.v1.SetAlertRulesRequest;
import dev.aiaas.proto.monitoring.v1.SetRetrainingPolicyRequest;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.ModelFamily;
import dev.aiaas.security.Role;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 11's loop with no manual call once it is set up: a champion trained on Iris serves
 * traffic whose ground truth comes through Kafka; then the world drifts (every measurement 3 cm
 * longer), new labelled records arrive through Kafka and ingest seals them by itself; the drift
 * alert fires, monitoring retrains the champion's spec on the new version, shadows the challenger,
 * canaries it and promotes it. A second run, with a challenger made deliberately worse (one epoch
 * at a tiny learning rate) and no shadow stage, is rolled back from its canary. Every step is in
 * the audit trail of decisions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetrainingLoopIT {

    private static final String NAME = "loop-iris";
    private static final Duration LOOP_TIMEOUT = Duration.ofMinutes(6);

    private static LocalStack stack;
    private static Services services;
    private static KafkaProducer<String, byte[]> producer;
    private static DriftedIris traffic;
    private static long firstChampion;

    @BeforeAll
    static void aChampionServesIris() throws Exception {
        stack = RunningStack.get();
        services = RunningStack.connect(stack);
        producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.endpoints().kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                new ByteArraySerializer());
        traffic = new DriftedIris(services, producer, NAME, ServicesUnderTest.repositoryRoot().resolve("datasets/iris.csv"));

        services.ingest().createDataset(CreateDatasetRequest.newBuilder().setName(NAME).setSchema(DriftedIris.schema()).build());
        try (InputStream csv = Files.newInputStream(ServicesUnderTest.repositoryRoot().resolve("datasets/iris.csv"))) {
            FileImport.send(services.ingestAsync(), ImportFileHeader.newBuilder().setDataset(NAME)
                    .setFormat(FileFormat.CSV).build(), csv);
        }
        long v1 = services.ingest().sealVersion(SealVersionRequest.newBuilder().setDataset(NAME).build()).getVersion();
        // from now on ingest seals by itself, every 150 new rows
        services.ingest().setAutoSeal(SetAutoSealRequest.newBuilder().setDataset(NAME)
                .setAutoSeal(AutoSeal.newBuilder().setMaxOpenRows(150)).build());
        PreparedDatasets.await(services.preprocess(), NAME, v1, "default", Duration.ofMinutes(2));
        Job champion = TrainingJobs.runToEnd(services, JobSpec.newBuilder().setDataset(NAME).setDatasetVersion(v1)
                .setPipeline("default").setFamily(ModelFamily.MLP).setModelName(NAME).setAlias("champion")
                .setHyperparameters(Hyperparameters.newBuilder().setEpochs(60).setBatchSize(16).setLearningRate(0.01)
                        .addHiddenUnits(16).setSeed(7)).build());
        firstChampion = champion.getModelVersion();
        services.deployments().deploy(DeployRequest.newBuilder().setEndpoint(NAME).setModelName(NAME)
                .setAlias("champion").build());

        services.monitoring().setAlertRules(SetAlertRulesRequest.newBuilder().setEndpoint(NAME)
                .addRules(AlertRule.newBuilder().setName("drift").setKind(AlertKind.DRIFT).setForEvaluations(1)
                        .setClearEvaluations(1)).build());
        services.monitoring().setRetrainingPolicy(SetRetrainingPolicyRequest.newBuilder().setPolicy(
                RetrainingPolicy.newBuilder().setEndpoint(NAME).setEnabled(true).addTriggerAlerts("drift")
                        .setShadowShare(100).setShadowMinSamples(30).setCanaryWeight(50).setCanaryMinSamples(20)
                        .setStageTimeoutSeconds(600).setMaxLatencyRatio(5)).build());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (traffic != null) {
            traffic.stop();
        }
        if (producer != null) {
            producer.close();
        }
        RunningStack.leaveServing(services);
    }

    @Test
    @Order(1)
    void normalTrafficWithGroundTruthThroughKafkaIsJudgedRightAndDecidesNothing() throws Exception {
        traffic.send(0, 60);

        assertThat(traffic.failures.get()).isZero();
        assertThat(decisions()).isEmpty();
        assertThat(services.monitoring().listAlerts(ListAlertsRequest.newBuilder().setEndpoint(NAME).build())
                .getAlertsList()).isEmpty();
    }

    @Test
    @Order(2)
    void driftIsNoticedAndTheChallengerTrainedOnTheNewlySealedVersionIsShadowedCanariedAndPromoted()
            throws Exception {
        traffic.produceRecords(150);
        awaitSealed(2); // ingest sealed them by itself
        traffic.startDrifted();

        List<Decision> run = awaitRunEnded("", DecisionAction.PROMOTE, DecisionAction.ROLL_BACK);

        assertThat(run).extracting(Decision::getAction).containsExactly(DecisionAction.RETRAIN,
                DecisionAction.START_SHADOW, DecisionAction.START_CANARY, DecisionAction.PROMOTE);
        Decision retrain = run.get(0);
        assertThat(retrain.getReason()).contains("alert drift fired").contains("on " + NAME + " v2");
        assertThat(retrain.getFiguresMap()).containsEntry("dataset_version", 2.0);
        assertThat(retrain.getChampionVersion()).isEqualTo(firstChampion);
        Decision shadowJudged = run.get(2);
        assertThat(shadowJudged.getFiguresMap().get("samples_paired")).isGreaterThanOrEqualTo(30);
        assertThat(shadowJudged.getFiguresMap().get("accuracy_challenger"))
                .isGreaterThan(shadowJudged.getFiguresMap().get("accuracy_champion"));
        Decision promoted = run.get(3);
        assertThat(promoted.getFiguresMap().get("samples_challenger")).isGreaterThanOrEqualTo(20);
        assertThat(promoted.getFiguresMap().get("accuracy_challenger")).isGreaterThanOrEqualTo(0.8);
        long challenger = promoted.getChallengerVersion();
        assertThat(challenger).isGreaterThan(firstChampion);

        ModelVersion champion = services.registry().getModelVersion(GetModelVersionRequest.newBuilder()
                .setModelName(NAME).setAlias("champion").build());
        assertThat(champion.getVersion()).isEqualTo(challenger);
        assertThat(champion.getLineage().getDatasetVersion()).isEqualTo(2);
        assertThat(champion.getTagsMap()).containsEntry("aiaas.retraining", "promoted");
        assertThat(champion.getAliasesList()).doesNotContain("challenger");
        Deployment deployment = awaitDeployment(d -> d.getServingVersion() == challenger && !d.hasChallenger()
                && !d.hasShadow());
        assertThat(deployment.getAlias()).as("the endpoint still follows its alias").isEqualTo("champion");
        assertThat(services.monitoring().listAlerts(ListAlertsRequest.newBuilder().setEndpoint(NAME).build())
                .getAlertsList()).anySatisfy(alert -> assertThat(alert.getRule()).isEqualTo("drift"));
        assertThat(traffic.failures.get()).as("no request failed while versions moved").isZero();
    }

    @Test
    @Order(3)
    void aWorseChallengerIsRolledBackFromItsCanary() throws Exception {
        long champion = services.deployments().getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(NAME)
                .build()).getServingVersion();
        String promotedRun = decisions().get(0).getRunId();
        services.monitoring().setRetrainingPolicy(SetRetrainingPolicyRequest.newBuilder().setPolicy(
                RetrainingPolicy.newBuilder().setEndpoint(NAME).setEnabled(true).setTriggerNewRecords(100)
                        .setShadowMinSamples(-1).setCanaryWeight(50).setCanaryMinSamples(20)
                        .setStageTimeoutSeconds(600).setMaxLatencyRatio(5)
                        .setHyperparameters(Hyperparameters.newBuilder().setEpochs(1).setLearningRate(1e-5)))
                .build());

        traffic.produceRecords(150); // rows the champion was not trained on
        List<Decision> run = awaitRunEnded(promotedRun, DecisionAction.PROMOTE, DecisionAction.ROLL_BACK);

        assertThat(run).extracting(Decision::getAction).containsExactly(DecisionAction.RETRAIN,
                DecisionAction.START_CANARY, DecisionAction.ROLL_BACK);
        assertThat(run.get(0).getReason()).contains("rows of dataset " + NAME).contains(" v3 ");
        Decision rolledBack = run.get(2);
        assertThat(rolledBack.getFiguresMap().get("accuracy_challenger"))
                .isLessThan(rolledBack.getFiguresMap().get("accuracy_champion") - 0.02);
        long worse = rolledBack.getChallengerVersion();
        assertThat(services.registry().getModelVersion(GetModelVersionRequest.newBuilder().setModelName(NAME)
                .setVersion(worse).build()).getTagsMap()).containsEntry("aiaas.retraining", "rolled-back");
        assertThat(services.registry().getModelVersion(GetModelVersionRequest.newBuilder().setModelName(NAME)
                .setAlias("champion").build()).getVersion()).isEqualTo(champion);
        awaitDeployment(d -> d.getServingVersion() == champion && !d.hasChallenger());
        assertThat(services.monitoring().getRetrainingPolicy(GetRetrainingPolicyRequest.newBuilder()
                .setEndpoint(NAME).build()).getLastRun().getStage()).isEqualTo(RunStage.ROLLED_BACK);
    }

    @Test
    @Order(4)
    void theAuditTrailListsEveryDecisionWithItsReasonAndFiguresNewestFirst() {
        List<Decision> all = decisions();
        for (int i = all.size() - 1; i >= 0; i--) { // the trail, oldest first, in the test's output
            Decision d = all.get(i);
            System.out.printf(Locale.ROOT, "retraining decision %s v%d→v%d: %s %s%n", d.getAction(),
                    d.getChampionVersion(), d.getChallengerVersion(), d.getReason(), new java.util.TreeMap<>(
                            d.getFiguresMap()));
        }

        assertThat(all).extracting(Decision::getAction).containsExactly(DecisionAction.ROLL_BACK,
                DecisionAction.START_CANARY, DecisionAction.RETRAIN, DecisionAction.PROMOTE,
                DecisionAction.START_CANARY, DecisionAction.START_SHADOW, DecisionAction.RETRAIN);
        assertThat(all).allSatisfy(decision -> {
            assertThat(decision.getReason()).isNotBlank();
            assertThat(decision.getModelName()).isEqualTo(NAME);
            assertThat(decision.hasDecidedAt()).isTrue();
        });
        assertThat(all.stream().map(Decision::getRunId).distinct()).hasSize(2);
    }

    @Test
    @Order(5)
    void theDashboardShowsTheSplitTheVersionsTheirFiguresAndTheDecisions() throws Exception {
        long champion = services.registry().getModelVersion(GetModelVersionRequest.newBuilder().setModelName(NAME)
                .setAlias("champion").build()).getVersion();

        JsonNode overview = dashboard("overview");
        JsonNode endpoint = find(overview.path("endpoints").path("items"), "endpoint", NAME);
        assertThat(endpoint.path("monitored").asBoolean()).isTrue();
        assertThat(endpoint.path("deployment").path("servingVersion").asLong()).isEqualTo(champion);
        assertThat(endpoint.path("deployment").path("challengerWeight").asInt()).isZero();
        JsonNode model = find(overview.path("models").path("items"), "name", NAME);
        assertThat(model.path("aliases").path("champion").asLong()).isEqualTo(champion);
        JsonNode promoted = find(model.path("versions"), "version", Long.toString(champion));
        assertThat(promoted.path("lineage").path("datasetVersion").asLong()).isEqualTo(2);
        assertThat(promoted.path("metrics").path("accuracy").asDouble()).isGreaterThan(0.8);

        JsonNode traffic = dashboard("endpoints/" + NAME + "/traffic?minutes=30&window=10");
        assertThat(traffic.toString()).contains("\"shadow\"").contains("\"challenger\"");
        JsonNode quality = dashboard("endpoints/" + NAME + "/quality?minutes=30&window=60");
        assertThat(quality.path("shadows")).isNotEmpty();
        assertThat(quality.path("totals").findValuesAsText("role")).contains("champion", "challenger", "shadow");
        JsonNode drift = dashboard("endpoints/" + NAME + "/drift?minutes=30");
        assertThat(drift.path("snapshots")).isNotEmpty();
        assertThat(drift.path("latest").path("features")).hasSize(4);
        JsonNode trail = dashboard("decisions?endpoint=" + NAME);
        assertThat(trail).hasSize(7);
        assertThat(trail.get(0).path("action").asText()).isEqualTo("ROLL_BACK");
        assertThat(dashboard("alerts?endpoint=" + NAME).toString()).contains("\"drift\"");
    }

    /** A JSON answer of the dashboard's API, as the page gets it (the caller's token, the default project). */
    private static JsonNode dashboard(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(stack.transport().sslContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = stack.keys().mint("e2e-dashboard", Projects.DEFAULT, Role.VIEWER, Duration.ofMinutes(10));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                stack.service(ServiceName.MONITORING).httpBase() + "/api/v1/dashboard/" + path))
                .header("authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " " + value + " in " + items);
    }

    /**
     * The decisions of the newest run after {@code previousRun} once it ended with one of
     * {@code ends}, oldest first.
     */
    private static List<Decision> awaitRunEnded(String previousRun, DecisionAction... ends)
            throws InterruptedException {
        long deadline = System.nanoTime() + LOOP_TIMEOUT.toNanos();
        List<Decision> newest = List.of();
        while (System.nanoTime() < deadline) {
            List<Decision> all = decisions();
            if (!all.isEmpty() && !all.get(0).getRunId().equals(previousRun)) {
                String run = all.get(0).getRunId();
                newest = new ArrayList<>(all.stream().filter(d -> d.getRunId().equals(run)).toList());
                java.util.Collections.reverse(newest);
                if (List.of(ends).contains(newest.get(newest.size() - 1).getAction())) {
                    return newest;
                }
                if (newest.get(newest.size() - 1).getAction() == DecisionAction.FAIL) {
                    throw new AssertionError("the run failed: " + newest);
                }
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("no run ended in " + LOOP_TIMEOUT + "; the newest run's decisions: " + newest);
    }

    private static List<Decision> decisions() {
        return services.monitoring().listDecisions(ListDecisionsRequest.newBuilder().setEndpoint(NAME).build())
                .getDecisionsList();
    }

    private static void awaitSealed(long version) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (services.ingest().getDataset(GetDatasetRequest.newBuilder().setName(NAME).build())
                    .getLatestVersion() >= version) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(NAME + " v" + version + " was not sealed within a minute");
    }

    private static Deployment awaitDeployment(Predicate<Deployment> settled) throws InterruptedException {
        Deployment deployment = null;
        for (int i = 0; i < 120; i++) {
            deployment = services.deployments().getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(NAME)
                    .build());
            if (settled.test(deployment)) {
                return deployment;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the endpoint did not settle: " + deployment);
    }
}
