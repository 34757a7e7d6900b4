package dev.aiaas.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.aiaas.errors.Projects;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelStatisticsRequest;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.proto.serving.v1.DeploymentState;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.proto.serving.v1.SetTrafficRequest;
import dev.aiaas.proto.serving.v1.UndeployRequest;
import dev.aiaas.proto.serving.v1.VersionBinding;
import dev.aiaas.serving.model.DesiredDeployment;
import dev.aiaas.serving.model.TrafficSplit;
import dev.aiaas.serving.storage.DeploymentStore;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Traffic between an endpoint's versions, on the real server with Iris v1 (champion) and v2
 * (challenger or shadow): the challenger answers its weight's share of routing keys and a key
 * keeps its version; the shadow gets copies whose answers only the prediction log sees and whose
 * failures never reach the client; SetTraffic moves the split without a reload; the split and
 * bindings are desired state that a replica reloads from PostgreSQL; and every figure (log,
 * timer, statistics) names the version and role.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class TrafficBetweenVersionsTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    @Inject
    DeploymentStore desired;

    @Inject
    DataSource database;

    @BeforeEach
    void models() throws Exception {
        IrisFixture.models(store);
    }

    @Test
    void atZeroPercentTheChampionAnswersEveryRequestAndAtAHundredTheChallengerDoes() {
        deploy("canary-none", 0, 0);
        deploy("canary-all", 100, 0);

        for (int i = 0; i < 50; i++) {
            String key = "user-" + i;
            assertThat(infer("canary-none", key).getModelVersion()).isEqualTo("1");
            assertThat(infer("canary-all", key).getModelVersion()).isEqualTo("2");
        }
        Deployment all = get("canary-all");
        assertThat(all.getChallengerWeight()).isEqualTo(100);
        assertThat(all.getChallenger().getServingVersion()).isEqualTo(2);
        assertThat(all.getChallenger().getState()).isEqualTo(DeploymentState.READY);
        assertThat(all.getChallenger().getModelMemoryBytes()).as("4→16→3 MLP, 131 FP32 parameters").isEqualTo(131 * 4);
        undeploy("canary-none", "canary-all");
    }

    @Test
    void atThirtyPercentTheChallengerAnswersAboutThirtyPercentOfKeysAndAKeyAlwaysGetsTheSameVersion() {
        deploy("canary-30", 30, 0);

        Map<String, String> versionOf = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            String key = "customer-" + UUID.randomUUID();
            versionOf.put(key, infer("canary-30", key).getModelVersion());
        }
        long challenger = versionOf.values().stream().filter("2"::equals).count();
        assertThat(challenger).as("the challenger's share of 1,000 keys").isBetween(250L, 350L);
        versionOf.entrySet().stream().limit(200).forEach(sent -> assertThat(infer("canary-30", sent.getKey())
                .getModelVersion()).as("key " + sent.getKey() + " again").isEqualTo(sent.getValue()));

        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        assertThat(count(metrics, "canary-30", "2", "challenger")).isEqualTo(challenger + countAgain(versionOf, "2"));
        assertThat(count(metrics, "canary-30", "1", "champion"))
                .isEqualTo(1_000 - challenger + countAgain(versionOf, "1"));
        var statistics = inference.modelStatistics(ModelStatisticsRequest.newBuilder().setName("canary-30")
                .setVersion("2").build()).getModelStatsList();
        assertThat(statistics).hasSize(1);
        assertThat(statistics.get(0).getInferenceCount()).as("the challenger's own queue counted its requests")
                .isEqualTo(challenger + countAgain(versionOf, "2"));
        undeploy("canary-30");
    }

    @Test
    void theShadowGetsACopyWhoseAnswerIsLoggedButNeverReturned() {
        deploy("shadowed", 0, 100);
        String id = "shadowed-" + UUID.randomUUID();

        ModelInferResponse answer = inference.modelInfer(IrisRequests.prepared("shadowed", 1).toBuilder().setId(id)
                .build());

        assertThat(answer.getModelVersion()).as("the client sees the champion's answer").isEqualTo("1");
        assertThat(answer.getId()).isEqualTo(id);
        PredictionLogged champion = PredictionTopic.awaitLogged(id, "champion", WITHIN);
        PredictionLogged shadow = PredictionTopic.awaitLogged(id, "shadow", WITHIN);
        assertThat(champion.getModelVersion()).isEqualTo(1);
        assertThat(shadow.getModelVersion()).isEqualTo(2);
        assertThat(shadow.getStatus()).isEqualTo("OK");
        assertThat(shadow.getPredictedLabelsList()).hasSize(1).first().isIn("setosa", "versicolor", "virginica");
        assertThat(get("shadowed").getShadow().getServingVersion()).isEqualTo(2);
        undeploy("shadowed");
    }

    @Test
    void aShadowThatFailsEveryCopyNeverFailsTheClientsRequest() throws Exception {
        // "iris" v9 is the linear regression model's files: it loads, but takes 2 columns, not 4
        LinearModels.registered(store);
        PeerRegistry.addVersion("iris", 9, PeerRegistry.artifacts(Projects.DEFAULT, LinearModels.MODEL, 1));
        deployments.deploy(DeployRequest.newBuilder().setEndpoint("shadow-broken").setModelName("iris").setVersion(1)
                .setShadow(VersionBinding.newBuilder().setVersion(9)).setShadowShare(100).build());

        for (int i = 0; i < 20; i++) {
            assertThat(infer("shadow-broken", "k" + i).getModelVersion()).isEqualTo("1");
        }
        String id = "broken-" + UUID.randomUUID();
        inference.modelInfer(IrisRequests.prepared("shadow-broken", 1).toBuilder().setId(id).build());

        PredictionLogged failed = PredictionTopic.awaitLogged(id, "shadow", WITHIN);
        assertThat(failed.getStatus()).isEqualTo("INVALID_ARGUMENT");
        assertThat(failed.getModelVersion()).isEqualTo(9);
        await().atMost(WITHIN).until(() -> shadowCopies("shadow-broken", "failed") >= 21);
        undeploy("shadow-broken");
    }

    @Test
    void setTrafficMovesTheSplitAtOnceWithoutReloadingOrFailingARequest() throws Exception {
        Deployment before = deploy("canary-moved", 0, 0);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<String>> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "during-" + i;
            sent.add(clients.submit(() -> infer("canary-moved", key).getModelVersion()));
            if (i == 100) {
                Deployment moved = deployments.setTraffic(SetTrafficRequest.newBuilder().setEndpoint("canary-moved")
                        .setChallengerWeight(100).setShadowShare(0).build());
                assertThat(moved.getChallengerWeight()).isEqualTo(100);
                assertThat(moved.getChallenger().getServingVersion()).isEqualTo(2);
                assertThat(moved.getUpdatedAt()).as("no version was swapped").isEqualTo(before.getUpdatedAt());
            }
        }
        for (Future<String> answer : sent) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).isIn("1", "2"); // none failed
        }
        clients.shutdown();

        for (int i = 0; i < 20; i++) {
            assertThat(infer("canary-moved", "after-" + i).getModelVersion()).isEqualTo("2");
        }
        undeploy("canary-moved");
    }

    @Test
    void theSplitAndBindingsAreDesiredStateThatAReplicaReloadsFromTheStore() throws Exception {
        deploy("canary-stored", 30, 0);
        deployments.setTraffic(SetTrafficRequest.newBuilder().setEndpoint("canary-stored").setChallengerWeight(40)
                .setShadowShare(0).build());

        DesiredDeployment reloaded = desired.find(Projects.DEFAULT, "canary-stored").orElseThrow();
        assertThat(reloaded.challenger().version()).isEqualTo(2);
        assertThat(reloaded.shadow().version()).isEqualTo(2);
        assertThat(reloaded.traffic()).isEqualTo(new TrafficSplit(40, 0));

        // what another replica (or this one before a restart) declared: the reconcile loop serves it
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into serving.deployment (project, endpoint, model_name, version, max_batch_size, "
                        + "max_queue_delay_us, max_queue_size, instances, challenger_version, challenger_weight, "
                        + "shadow_alias, shadow_share) values ('default', 'canary-declared', 'iris', 1, 64, 500, "
                        + "1024, 1, 2, 100, 'shadow-of-declared', 50)")) {
            PeerRegistry.setAlias("iris", "shadow-of-declared", 2);
            insert.executeUpdate();
        }
        await().atMost(WITHIN).until(() -> state("canary-declared") == DeploymentState.READY
                && get("canary-declared").getShadow().getState() == DeploymentState.READY);
        Deployment declared = get("canary-declared");
        assertThat(declared.getChallengerWeight()).isEqualTo(100);
        assertThat(declared.getShadowShare()).isEqualTo(50);
        assertThat(declared.getShadow().getAlias()).isEqualTo("shadow-of-declared");
        assertThat(infer("canary-declared", "anyone").getModelVersion()).isEqualTo("2");
        undeploy("canary-stored", "canary-declared");
    }

    @Test
    void aChallengerFollowingAnAliasMovesWithIt() {
        PeerRegistry.setAlias("iris", "canary-candidate", 1);
        deployments.deploy(DeployRequest.newBuilder().setEndpoint("canary-alias").setModelName("iris").setVersion(1)
                .setChallenger(VersionBinding.newBuilder().setAlias("canary-candidate")).setChallengerWeight(100)
                .build());
        assertThat(infer("canary-alias", "someone").getModelVersion()).isEqualTo("1");

        PeerRegistry.setAlias("iris", "canary-candidate", 2); // no event: the reconcile loop re-resolves it
        await().atMost(WITHIN).until(() -> get("canary-alias").getChallenger().getServingVersion() == 2);

        String id = "alias-" + UUID.randomUUID();
        ModelInferResponse answer = inference.modelInfer(IrisRequests.prepared("canary-alias", 1).toBuilder().setId(id)
                .build());
        assertThat(answer.getModelVersion()).isEqualTo("2");
        assertThat(PredictionTopic.awaitLogged(id, WITHIN).getRole()).isEqualTo("challenger");
        undeploy("canary-alias");
    }

    @Test
    void weightsOutOfRangeOrWithoutTheirBindingAreRefusedSayingWhatToFix() {
        assertRefused(() -> deployments.deploy(request("bad-split").setChallengerWeight(101).build()),
                Status.Code.INVALID_ARGUMENT, "challenger_weight is 101: give 0 to 100");
        assertRefused(() -> deployments.deploy(DeployRequest.newBuilder().setEndpoint("bad-split")
                .setModelName("iris").setVersion(1).setShadowShare(30).build()),
                Status.Code.INVALID_ARGUMENT, "binds no shadow");
        assertRefused(() -> deployments.deploy(request("bad-split").setShadow(VersionBinding.getDefaultInstance())
                .build()), Status.Code.INVALID_ARGUMENT, "shadow: name an alias or a version");
        assertRefused(() -> deployments.deploy(request("bad-split").setChallenger(VersionBinding.newBuilder()
                .setVersion(77)).build()), Status.Code.NOT_FOUND, "challenger");

        deployments.deploy(request("canary-checked").setChallengerWeight(10).build()); // a challenger, no shadow
        assertRefused(() -> deployments.setTraffic(SetTrafficRequest.newBuilder().setEndpoint("canary-checked")
                .setChallengerWeight(-1).build()), Status.Code.INVALID_ARGUMENT, "challenger_weight is -1");
        assertRefused(() -> deployments.setTraffic(SetTrafficRequest.newBuilder().setEndpoint("canary-checked")
                .setShadowShare(5).build()), Status.Code.INVALID_ARGUMENT, "binds no shadow");
        assertRefused(() -> deployments.setTraffic(SetTrafficRequest.newBuilder().setEndpoint("no-such-endpoint")
                .build()), Status.Code.NOT_FOUND, "no-such-endpoint");
        assertRefused(() -> inference.modelInfer(routed("canary-checked", "k").toBuilder()
                .putParameters("routing_key", InferParameter.newBuilder().setInt64Param(7).build()).build()),
                Status.Code.INVALID_ARGUMENT, "routing_key must be a non-empty string");
        assertThat(get("canary-checked").getChallengerWeight()).as("nothing changed").isEqualTo(10);
        undeploy("canary-checked");
    }

    /** Iris v1 as champion and v2 as challenger and shadow, with these shares. */
    private Deployment deploy(String endpoint, int challengerWeight, int shadowShare) {
        return deployments.deploy(request(endpoint).setShadow(VersionBinding.newBuilder().setVersion(2))
                .setChallengerWeight(challengerWeight).setShadowShare(shadowShare).build());
    }

    private static DeployRequest.Builder request(String endpoint) {
        return DeployRequest.newBuilder().setEndpoint(endpoint).setModelName("iris").setVersion(1)
                .setChallenger(VersionBinding.newBuilder().setVersion(2));
    }

    private ModelInferResponse infer(String endpoint, String routingKey) {
        return inference.modelInfer(routed(endpoint, routingKey));
    }

    private static ModelInferRequest routed(String endpoint, String routingKey) {
        return IrisRequests.prepared(endpoint, 1).toBuilder()
                .putParameters("routing_key", InferParameter.newBuilder().setStringParam(routingKey).build()).build();
    }

    private Deployment get(String endpoint) {
        return deployments.getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(endpoint).build());
    }

    private DeploymentState state(String endpoint) {
        try {
            return get(endpoint).getState();
        } catch (StatusRuntimeException e) {
            return DeploymentState.DEPLOYMENT_STATE_UNSPECIFIED;
        }
    }

    private void undeploy(String... endpoints) {
        for (String endpoint : endpoints) {
            deployments.undeploy(UndeployRequest.newBuilder().setEndpoint(endpoint).build());
        }
    }

    /** Requests of the 200 sent again that {@code version} answered. */
    private static long countAgain(Map<String, String> versionOf, String version) {
        return versionOf.values().stream().limit(200).filter(version::equals).count();
    }

    /** The request timer's count for one endpoint, version and role. */
    private static long count(String metrics, String endpoint, String version, String role) {
        return metrics.lines().filter(l -> l.startsWith("aiaas_inference_request_duration_seconds_count{")
                        && l.contains("endpoint=\"" + endpoint + "\"") && l.contains("version=\"" + version + "\"")
                        && l.contains("role=\"" + role + "\"") && l.contains("status=\"OK\""))
                .mapToLong(l -> (long) value(l)).sum();
    }

    private double shadowCopies(String endpoint, String outcome) {
        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("aiaas_serving_shadow_copies_total{")
                        && l.contains("endpoint=\"" + endpoint + "\"") && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(TrafficBetweenVersionsTest::value).sum();
    }

    /** A sample line's value: after its labels, before any exemplar. */
    private static double value(String line) {
        return Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]);
    }

    private static void assertRefused(Runnable call, Status.Code code, String mentions) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).contains(mentions);
        });
    }
}
