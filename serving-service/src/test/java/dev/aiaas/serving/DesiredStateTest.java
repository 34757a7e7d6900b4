package dev.aiaas.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.ServerReadyRequest;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentState;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.proto.serving.v1.ListDeploymentsRequest;
import dev.aiaas.proto.serving.v1.UndeployRequest;
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
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Desired state in PostgreSQL, kept by a reconcile loop (1 s in tests): what another replica
 * declares is served here, what it removes goes away, aliases heal without events, readiness
 * means every declared endpoint serves, and endpoints on one version share one loaded copy.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class DesiredStateTest {

    /** {@code /q/} on the management interface, apart from the API: health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final Duration WITHIN = Duration.ofSeconds(15);

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    @Inject
    DataSource database;

    @BeforeEach
    void models() throws Exception {
        IrisFixture.models(store);
    }

    @Test
    void deployStoresTheBindingAndBatchingAsDesiredState() throws Exception {
        deployments.deploy(DeployRequest.newBuilder().setEndpoint("stored").setModelName("iris").setVersion(1)
                .setBatching(dev.aiaas.proto.serving.v1.Batching.newBuilder().setMaxBatchSize(16).setInstances(2))
                .build());

        try (Connection c = database.getConnection(); PreparedStatement query = c.prepareStatement(
                "select model_name, version, max_batch_size, instances, project from serving.deployment "
                        + "where endpoint = ?")) {
            query.setString(1, "stored");
            var row = query.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("iris");
            assertThat(row.getLong(2)).isEqualTo(1);
            assertThat(row.getInt(3)).isEqualTo(16);
            assertThat(row.getInt(4)).isEqualTo(2);
            assertThat(row.getString(5)).as("a call that names no project deploys in the default one")
                    .isEqualTo("default");
        }
        deployments.undeploy(UndeployRequest.newBuilder().setEndpoint("stored").build());
        assertThat(count("stored")).isZero();
    }

    @Test
    void anEndpointDeclaredByAnotherReplicaIsServedHereAndGoesWhenItIsRemoved() throws Exception {
        declare("from-elsewhere", "iris", null, 1L);

        await().atMost(WITHIN).until(() -> state("from-elsewhere") == DeploymentState.READY);
        assertThat(inference.modelInfer(IrisRequests.prepared("from-elsewhere", 2)).getModelVersion()).isEqualTo("1");

        execute("delete from serving.deployment where project = 'default' and endpoint = 'from-elsewhere'");
        await().atMost(WITHIN).until(() -> notFound("from-elsewhere"));
    }

    @Test
    void anAliasMovedWithoutAnEventHealsAndADeletedAliasKeepsTheLastVersionServing() {
        PeerRegistry.setAlias("iris", "staging", 1);
        deployments.deploy(DeployRequest.newBuilder().setEndpoint("follower").setModelName("iris").setAlias("staging")
                .build());

        PeerRegistry.setAlias("iris", "staging", 2); // no registry event: only the reconcile loop can see it
        await().atMost(WITHIN).until(() -> get("follower").getServingVersion() == 2);

        PeerRegistry.deleteAlias("iris", "staging");
        await().atMost(WITHIN).until(() -> state("follower") == DeploymentState.FAILED);
        Deployment orphan = get("follower");
        assertThat(orphan.getMessage()).contains("kept serving iris v2").contains("staging");
        assertThat(inference.modelInfer(IrisRequests.prepared("follower", 1)).getModelVersion()).isEqualTo("2");
        deployments.undeploy(UndeployRequest.newBuilder().setEndpoint("follower").build());
    }

    @Test
    void readinessWaitsForEveryDeclaredEndpointAndNamesTheOneThatCannotLoad() throws Exception {
        declare("ghost", "no-such-model", "champion", null);

        await().atMost(WITHIN).until(() -> !inference.serverReady(ServerReadyRequest.getDefaultInstance()).getReady());
        given().get("/v2/health/ready").then().statusCode(503);
        given().get(management + "health/ready").then().statusCode(503)
                .body(org.hamcrest.Matchers.containsString("no-such-model"));

        execute("delete from serving.deployment where project = 'default' and endpoint = 'ghost'");
        await().atMost(WITHIN).until(() -> inference.serverReady(ServerReadyRequest.getDefaultInstance()).getReady());
        given().get(management + "health/ready").then().statusCode(200);
    }

    @Test
    void endpointsBoundToOneVersionShareOneLoadedCopyWhoseMemoryIsMeasured() {
        for (String endpoint : new String[] {"share-a", "share-b"}) {
            deployments.deploy(DeployRequest.newBuilder().setEndpoint(endpoint).setModelName("iris").setVersion(2)
                    .build());
        }
        var listed = deployments.listDeployments(ListDeploymentsRequest.getDefaultInstance()).getDeploymentsList();
        long a = listed.stream().filter(d -> d.getEndpoint().equals("share-a")).findFirst().orElseThrow()
                .getModelMemoryBytes();
        long b = listed.stream().filter(d -> d.getEndpoint().equals("share-b")).findFirst().orElseThrow()
                .getModelMemoryBytes();
        // 4→16→3 MLP: (4·16 + 16 + 16·3 + 3) FP32 parameters = 131 × 4 bytes
        assertThat(a).isEqualTo(b).isEqualTo(131 * 4);
        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("aiaas_serving_model_memory_bytes")
                && l.contains("project=\"default\"") && l.contains("version=\"2\""))).hasSize(1);
        deployments.undeploy(UndeployRequest.newBuilder().setEndpoint("share-a").build());
        deployments.undeploy(UndeployRequest.newBuilder().setEndpoint("share-b").build());
    }

    private void declare(String endpoint, String model, String alias, Long version) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into serving.deployment (project, endpoint, model_name, alias, version, max_batch_size, "
                        + "max_queue_delay_us, max_queue_size, instances) "
                        + "values ('default', ?, ?, ?, ?, 64, 500, 1024, 1)")) {
            insert.setString(1, endpoint);
            insert.setString(2, model);
            insert.setString(3, alias);
            if (version == null) {
                insert.setNull(4, java.sql.Types.BIGINT);
            } else {
                insert.setLong(4, version);
            }
            insert.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private long count(String endpoint) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement query = c.prepareStatement(
                "select count(*) from serving.deployment where project = 'default' and endpoint = ?")) {
            query.setString(1, endpoint);
            var row = query.executeQuery();
            row.next();
            return row.getLong(1);
        }
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

    private boolean notFound(String endpoint) {
        try {
            get(endpoint);
            return false;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode() == Status.Code.NOT_FOUND;
        }
    }
}
