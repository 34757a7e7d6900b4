package dev.aiaas.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.aiaas.errors.Projects;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelReadyRequest;
import dev.aiaas.proto.inference.ModelStatisticsRequest;
import dev.aiaas.proto.inference.RepositoryIndexRequest;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.proto.serving.v1.ListDeploymentsRequest;
import dev.aiaas.proto.serving.v1.UndeployRequest;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Projects are the unit of isolation: two projects may each deploy an endpoint "iris", each
 * bound to a model of its own project (version numbers count per project, so "iris v1" of two
 * projects are two models), each sees and calls only its own, and another project's endpoint is
 * answered exactly as a missing one, over gRPC and REST. Security is off in tests, so a call
 * names its project in the {@value Projects#HEADER} header; the registry stand-in answers per
 * project from the same header and records what it was asked.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class ProjectIsolationTest {

    private static final Metadata.Key<String> PROJECT = Metadata.Key.of(Projects.HEADER, Metadata.ASCII_STRING_MARSHALLER);
    private static final List<String> ENDPOINTS = List.of("iris", "twin", "alpha-only", "beta-only", "follower");
    private static final String ONE_ROW = "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 4], "
            + "\"datatype\": \"FP32\", \"data\": [[-1, 0.5, -1.2, -1.1]]}]}";
    private static final Duration WITHIN = Duration.ofSeconds(15);

    /** {@code /q/} on the management interface, apart from the API: health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    /**
     * alpha: iris v1 (the fixture's first model). beta: iris v1 (the fixture's second, another
     * model under the same number) and iris v2 (the first again), champion at v2.
     */
    @BeforeEach
    void registerEachProjectsModels() throws Exception {
        IrisFixture.models(store);
        PeerRegistry.addVersion("alpha", "iris", 1, PeerRegistry.artifacts(Projects.DEFAULT, "iris", 1));
        PeerRegistry.addVersion("beta", "iris", 1, PeerRegistry.artifacts(Projects.DEFAULT, "iris", 2));
        PeerRegistry.addVersion("beta", "iris", 2, PeerRegistry.artifacts(Projects.DEFAULT, "iris", 1));
        PeerRegistry.setAlias("beta", "iris", "champion", 2);
    }

    /** Leaves no endpoint of alpha or beta behind: readiness and the metrics of other tests are the default project's. */
    @AfterEach
    void undeployEverything() {
        for (String project : List.of("alpha", "beta")) {
            for (String endpoint : ENDPOINTS) {
                try {
                    in(deployments, project).undeploy(UndeployRequest.newBuilder().setEndpoint(endpoint).build());
                } catch (StatusRuntimeException notThere) {
                    // only some tests deploy it
                }
            }
        }
    }

    @Test
    void theSameEndpointNameServesEachProjectsOwnModel() {
        deploy("alpha", "iris", version(1));
        deploy("beta", "iris", champion());

        assertThat(in(inference, "alpha").modelInfer(IrisRequests.prepared("iris", 2)).getModelVersion()).isEqualTo("1");
        assertThat(in(inference, "beta").modelInfer(IrisRequests.prepared("iris", 2)).getModelVersion()).isEqualTo("2");
        rest("alpha").body(ONE_ROW).post("/v2/models/iris/infer").then().statusCode(200)
                .body("model_version", equalTo("1"));
        rest("beta").body(ONE_ROW).post("/v2/models/iris/infer").then().statusCode(200)
                .body("model_version", equalTo("2"));
        rest("alpha").get("/v2/models/iris").then().statusCode(200).body("versions", contains("1"));
        rest("beta").get("/v2/models/iris").then().statusCode(200).body("versions", contains("2"));
        assertThat(in(inference, "alpha").modelMetadata(ModelMetadataRequest.newBuilder().setName("iris").build())
                .getVersionsList()).containsExactly("1");
        assertThat(in(inference, "beta").modelReady(ModelReadyRequest.newBuilder().setName("iris").build()).getReady())
                .isTrue();

        Deployment alphas = get("alpha", "iris");
        Deployment betas = get("beta", "iris");
        assertThat(alphas.getVersion()).isEqualTo(1);
        assertThat(alphas.getServingVersion()).isEqualTo(1);
        assertThat(betas.getAlias()).isEqualTo("champion");
        assertThat(betas.getServingVersion()).isEqualTo(2);
    }

    @Test
    void eachProjectListsAndCountsOnlyItsOwnEndpoints() {
        deploy("alpha", "iris", version(1));
        deploy("alpha", "alpha-only", version(1));
        deploy("beta", "iris", champion());
        deploy("beta", "beta-only", version(1));
        in(inference, "alpha").modelInfer(IrisRequests.prepared("iris", 1));

        assertThat(listed("alpha")).extracting(Deployment::getEndpoint).containsExactly("alpha-only", "iris");
        assertThat(listed("beta")).extracting(Deployment::getEndpoint).containsExactly("beta-only", "iris");
        assertThat(listed("beta")).filteredOn(d -> d.getEndpoint().equals("iris"))
                .extracting(Deployment::getServingVersion).containsExactly(2L);
        assertThat(listed(Projects.DEFAULT)).extracting(Deployment::getEndpoint)
                .doesNotContain("alpha-only", "beta-only");
        assertThat(in(inference, "alpha").repositoryIndex(RepositoryIndexRequest.getDefaultInstance()).getModelsList())
                .extracting(m -> m.getName()).containsExactly("alpha-only", "iris");
        assertThat(in(inference, "beta").modelStatistics(ModelStatisticsRequest.getDefaultInstance())
                .getModelStatsList()).extracting(s -> s.getName()).containsExactly("beta-only", "iris");
        assertThat(in(inference, "beta").modelStatistics(ModelStatisticsRequest.newBuilder().setName("iris").build())
                .getModelStats(0).getInferenceCount()).as("alpha's inference is not beta's").isZero();
        rest("alpha").get("/v2/models/stats").then().statusCode(200)
                .body("model_stats.name", containsInAnyOrder("alpha-only", "iris"))
                .body("model_stats.find { it.name == 'iris' }.inference_count", equalTo(1));
    }

    @Test
    void anotherProjectsEndpointIsNotFoundExactlyLikeAMissingOne() {
        deploy("beta", "beta-only", version(1));

        Map<String, Consumer<String>> grpcCalls = Map.of(
                "ModelMetadata", name -> in(inference, "alpha").modelMetadata(
                        ModelMetadataRequest.newBuilder().setName(name).build()),
                "ModelReady", name -> in(inference, "alpha").modelReady(ModelReadyRequest.newBuilder().setName(name).build()),
                "ModelInfer", name -> in(inference, "alpha").modelInfer(IrisRequests.prepared(name, 1)),
                "ModelStatistics", name -> in(inference, "alpha").modelStatistics(
                        ModelStatisticsRequest.newBuilder().setName(name).build()),
                "GetDeployment", name -> get("alpha", name),
                "Undeploy", name -> in(deployments, "alpha").undeploy(UndeployRequest.newBuilder().setEndpoint(name).build()));
        grpcCalls.forEach((rpc, call) -> assertThat(notFound(() -> call.accept("beta-only"))).as(rpc)
                .isEqualTo(notFound(() -> call.accept("nowhere")).replace("nowhere", "beta-only")));

        for (String path : List.of("/v2/models/%s", "/v2/models/%s/ready", "/v2/models/%s/stats")) {
            String missing = rest("alpha").get(path.formatted("nowhere")).then().statusCode(404).extract().path("error");
            rest("alpha").get(path.formatted("beta-only")).then().statusCode(404)
                    .body("error", equalTo(missing.replace("nowhere", "beta-only")));
        }
        String missing = rest("alpha").body(ONE_ROW).post("/v2/models/nowhere/infer").then().statusCode(404)
                .extract().path("error");
        rest("alpha").body(ONE_ROW).post("/v2/models/beta-only/infer").then().statusCode(404)
                .body("error", equalTo(missing.replace("nowhere", "beta-only")));

        assertThat(get("beta", "beta-only").getServingVersion()).as("alpha's Undeploy left beta's endpoint alone")
                .isEqualTo(1);
        rest("beta").get("/v2/models/beta-only/ready").then().statusCode(200);
    }

    @Test
    void oneVersionNumberInTwoProjectsIsTwoModelsNeverOneLoadedCopy() {
        deploy("alpha", "twin", version(1));
        deploy("beta", "twin", version(1));
        deploy("alpha", "iris", version(1));

        List<Float> alphas = probabilities("alpha", "twin");
        List<Float> betas = probabilities("beta", "twin");

        assertThat(probabilities("alpha", "iris")).as("one model of alpha, one answer").isEqualTo(alphas);
        assertThat(betas).as("beta's iris v1 is another model than alpha's").isNotEqualTo(alphas);
        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        for (String project : List.of("alpha", "beta")) {
            assertThat(metrics.lines().filter(l -> l.startsWith("aiaas_serving_model_memory_bytes{")
                    && l.contains("project=\"" + project + "\"") && l.contains("model=\"iris\"")
                    && l.contains("version=\"1\""))).as(project + "'s loaded copy").hasSize(1);
            assertThat(metrics.lines().filter(l -> l.startsWith("aiaas_inference_request_duration_seconds_count{")
                    && l.contains("project=\"" + project + "\"") && l.contains("endpoint=\"twin\"")
                    && l.contains("status=\"OK\""))).as(project + "'s requests").hasSize(1);
        }
    }

    @Test
    void predictionEventsCarryTheProjectOfTheirEndpoint() {
        deploy("alpha", "iris", version(1));
        deploy("beta", "iris", champion());
        String alphaId = "alpha-" + UUID.randomUUID();
        String betaId = "beta-" + UUID.randomUUID();
        String failedId = "alpha-failed-" + UUID.randomUUID();

        in(inference, "alpha").modelInfer(IrisRequests.prepared("iris", 1).toBuilder().setId(alphaId).build());
        in(inference, "beta").modelInfer(IrisRequests.prepared("iris", 1).toBuilder().setId(betaId).build());
        ModelInferRequest tooNarrow = IrisRequests.prepared("iris", 1).toBuilder().setId(failedId)
                .setInputs(0, IrisRequests.prepared("iris", 1).getInputs(0).toBuilder().setShape(1, 3)).build();
        assertThatThrownBy(() -> in(inference, "alpha").modelInfer(tooNarrow)).isInstanceOf(StatusRuntimeException.class);

        PredictionLogged alpha = PredictionTopic.awaitLogged(alphaId, Duration.ofSeconds(20));
        PredictionLogged beta = PredictionTopic.awaitLogged(betaId, Duration.ofSeconds(20));
        PredictionLogged failed = PredictionTopic.awaitLogged(failedId, Duration.ofSeconds(20));
        assertThat(EventHeaders.project(alpha.getHeader())).isEqualTo("alpha");
        assertThat(alpha.getEndpoint()).isEqualTo("iris");
        assertThat(alpha.getModelVersion()).isEqualTo(1);
        assertThat(EventHeaders.project(beta.getHeader())).isEqualTo("beta");
        assertThat(beta.getEndpoint()).isEqualTo("iris");
        assertThat(beta.getModelVersion()).isEqualTo(2);
        assertThat(EventHeaders.project(failed.getHeader())).isEqualTo("alpha");
        assertThat(failed.getStatus()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void theRegistryIsAskedInTheProjectOfTheEndpointOnDeployAndInTheReconcileLoop() {
        PeerRegistry.addVersion("beta", "betas-model", 1, PeerRegistry.artifacts(Projects.DEFAULT, "iris", 1));
        deploy("alpha", "iris", version(1));
        deploy("beta", "iris", champion());

        assertThat(PeerRegistry.CALLS).contains(new PeerRegistry.Call("alpha", "iris", "v1"),
                new PeerRegistry.Call("beta", "iris", "@champion"));
        assertThat(notFound(() -> in(deployments, "alpha").deploy(DeployRequest.newBuilder().setEndpoint("alpha-only")
                .setModelName("betas-model").setVersion(1).build()))).as("beta's model is not alpha's to deploy")
                .contains("betas-model");
        assertThat(PeerRegistry.CALLS).filteredOn(c -> c.model().equals("betas-model"))
                .extracting(PeerRegistry.Call::project).containsOnly("alpha");

        // Only beta's registry has iris@canary: the background loop heals the endpoint only if it asks beta.
        PeerRegistry.setAlias("beta", "iris", "canary", 1);
        deploy("beta", "follower", DeployRequest.newBuilder().setModelName("iris").setAlias("canary"));
        PeerRegistry.setAlias("beta", "iris", "canary", 2); // no registry event: only the reconcile loop can see it
        await().atMost(WITHIN).until(() -> get("beta", "follower").getServingVersion() == 2);
        assertThat(in(inference, "beta").modelInfer(IrisRequests.prepared("follower", 1)).getModelVersion())
                .isEqualTo("2");
        assertThat(PeerRegistry.CALLS).filteredOn(c -> c.selector().equals("@canary"))
                .extracting(PeerRegistry.Call::project).containsOnly("beta");
    }

    @Test
    void aProjectNameThatBreaksTheNameRuleIsRefusedOverBothEdges() {
        rest("Not A Project").get("/v2/models/iris").then().statusCode(400)
                .body("error", containsString("project 'Not A Project' is not valid"));
        assertThatThrownBy(() -> in(inference, "NOT-A-PROJECT").modelReady(ModelReadyRequest.newBuilder()
                .setName("iris").build())).isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    private void deploy(String project, String endpoint, DeployRequest.Builder binding) {
        in(deployments, project).deploy(binding.setEndpoint(endpoint).build());
    }

    private static DeployRequest.Builder version(long version) {
        return DeployRequest.newBuilder().setModelName("iris").setVersion(version);
    }

    private static DeployRequest.Builder champion() {
        return DeployRequest.newBuilder().setModelName("iris").setAlias("champion");
    }

    private Deployment get(String project, String endpoint) {
        return in(deployments, project).getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(endpoint).build());
    }

    private List<Deployment> listed(String project) {
        return in(deployments, project).listDeployments(ListDeploymentsRequest.getDefaultInstance()).getDeploymentsList();
    }

    private List<Float> probabilities(String project, String endpoint) {
        return in(inference, project).modelInfer(IrisRequests.prepared(endpoint, 4)).getOutputs(0).getContents()
                .getFp32ContentsList();
    }

    private static io.restassured.specification.RequestSpecification rest(String project) {
        return given().header(Projects.HEADER, project).contentType("application/json");
    }

    /** The stub, calling in {@code project}. */
    private static <S extends AbstractStub<S>> S in(S stub, String project) {
        return ProjectHeader.on(stub, project);
    }

    /** The description of the NOT_FOUND the call fails with. */
    private static String notFound(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).as(String.valueOf(e.getStatus().getDescription()))
                    .isEqualTo(Status.Code.NOT_FOUND);
            return e.getStatus().getDescription();
        }
        throw new AssertionError("the call succeeded; NOT_FOUND was expected");
    }
}
