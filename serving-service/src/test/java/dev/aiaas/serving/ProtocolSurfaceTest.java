package dev.aiaas.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelStatisticsRequest;
import dev.aiaas.proto.inference.ServerMetadataRequest;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The parts of the Open Inference Protocol a Triton or KServe client reaches for beyond
 * inference itself: metadata with inputs and outputs, version paths, the statistics and
 * classification extensions, label names, parameters and Triton's HTTP status codes.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class ProtocolSurfaceTest {

    private static final Set<String> SPECIES = Set.of("setosa", "versicolor", "virginica");
    private static final String ONE_ROW = "{\"id\": \"abc\", \"parameters\": {\"note\": \"passed through\"}, "
            + "\"inputs\": [{\"name\": \"input\", \"shape\": [1, 4], \"datatype\": \"FP32\", \"data\": [[-1, 0.5, -1.2, -1.1]]}]";

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    @BeforeEach
    void deploy() throws Exception {
        IrisFixture.models(store);
        deployments.deploy(DeployRequest.newBuilder().setEndpoint("surface").setModelName("iris").setVersion(1).build());
    }

    @Test
    void restMetadataListsInputsAndOutputsLikeGrpc() {
        given().get("/v2/models/surface").then().statusCode(200)
                .body("name", equalTo("surface"))
                .body("versions", contains("1"))
                .body("inputs.name", hasItems("input", "sepal_length", "petal_width"))
                .body("inputs[0].shape", contains(-1, 4))
                .body("outputs.name", contains("probabilities", "predicted_class", "predicted_label"));
        var grpc = inference.modelMetadata(ModelMetadataRequest.newBuilder().setName("surface").build());
        assertThat(grpc.getInputsList()).extracting(t -> t.getName())
                .containsExactly("input", "sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(grpc.getOutputsCount()).isEqualTo(3);
    }

    @Test
    void versionPathsAnswerForTheServingVersionAndNotFoundForOthers() {
        given().get("/v2/models/surface/versions/1").then().statusCode(200).body("versions", contains("1"));
        given().get("/v2/models/surface/versions/1/ready").then().statusCode(200).body("ready", equalTo(true));
        given().contentType("application/json").body(ONE_ROW + "}").post("/v2/models/surface/versions/1/infer")
                .then().statusCode(200).body("model_version", equalTo("1"));
        given().get("/v2/models/surface/versions/7").then().statusCode(404)
                .body("error", containsString("serves version 1, not 7"));
        given().contentType("application/json").body(ONE_ROW + "}").post("/v2/models/surface/versions/7/infer")
                .then().statusCode(404);
    }

    @Test
    void labelsComeBackByNameAndTheClassificationExtensionGivesTopK() {
        given().contentType("application/json").body(ONE_ROW + "}").post("/v2/models/surface/infer")
                .then().statusCode(200)
                .body("id", equalTo("abc"))
                .body("outputs[2].name", equalTo("predicted_label"))
                .body("outputs[2].datatype", equalTo("BYTES"))
                .body("outputs[2].data[0]", org.hamcrest.Matchers.in(SPECIES));

        ModelInferRequest topTwo = IrisRequests.prepared("surface", 3).toBuilder()
                .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("probabilities")
                        .putParameters("classification", InferParameter.newBuilder().setInt64Param(2).build()))
                .build();
        ModelInferResponse response = inference.modelInfer(topTwo);
        assertThat(response.getOutputsCount()).isEqualTo(1);
        assertThat(response.getOutputs(0).getDatatype()).isEqualTo("BYTES");
        assertThat(response.getOutputs(0).getShapeList()).containsExactly(3L, 2L);
        List<String> entries = response.getOutputs(0).getContents().getBytesContentsList().stream()
                .map(b -> b.toStringUtf8()).toList();
        assertThat(entries).hasSize(6).allSatisfy(entry -> {
            String[] parts = entry.split(":");
            assertThat(Float.parseFloat(parts[0])).isBetween(0f, 1f);
            assertThat(SPECIES).contains(parts[2]);
        });
        float first = Float.parseFloat(entries.get(0).split(":")[0]);
        float second = Float.parseFloat(entries.get(1).split(":")[0]);
        assertThat(first).isGreaterThanOrEqualTo(second);
    }

    @Test
    void aClassifierAskedForARegressionModelsPredictionsSaysItPredictsClasses() {
        given().contentType("application/json").body(ONE_ROW + ", \"outputs\": [{\"name\": \"predictions\"}]}")
                .post("/v2/models/surface/infer")
                .then().statusCode(400)
                .body("error", containsString("predicts classes"))
                .body("error", containsString("probabilities"));
    }

    @Test
    void statisticsCountInferencesOverGrpcAndRest() {
        for (int i = 0; i < 5; i++) {
            inference.modelInfer(IrisRequests.prepared("surface", 2));
        }
        var stats = inference.modelStatistics(ModelStatisticsRequest.newBuilder().setName("surface").build())
                .getModelStats(0);
        assertThat(stats.getName()).isEqualTo("surface");
        assertThat(stats.getVersion()).isEqualTo("1");
        assertThat(stats.getInferenceCount()).isGreaterThanOrEqualTo(10);
        assertThat(stats.getInferenceStats().getComputeInfer().getNs()).isPositive();
        assertThat(stats.getLastInference()).isPositive();
        given().get("/v2/models/surface/versions/1/stats").then().statusCode(200)
                .body("model_stats[0].inference_count", greaterThanOrEqualTo(10))
                .body("model_stats[0].inference_stats.success.count", greaterThanOrEqualTo(5));
        given().get("/v2/models/stats").then().statusCode(200).body("model_stats.name", hasItem("surface"));
        try {
            inference.modelStatistics(ModelStatisticsRequest.newBuilder().setName("nowhere").build());
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        }
    }

    @Test
    void serverMetadataAdvertisesTheExtensionsAndErrorsUseTritonsCodes() {
        assertThat(inference.serverMetadata(ServerMetadataRequest.getDefaultInstance()).getExtensionsList())
                .contains("model_repository", "statistics", "classification");
        given().get("/v2").then().body("extensions", hasItems("statistics", "classification"));
        given().contentType("application/json").body(ONE_ROW + "}").post("/v2/models/nowhere/infer")
                .then().statusCode(404).body("error", containsString("nowhere"));
        given().contentType("application/json").body("{\"inputs\": 3}").post("/v2/models/surface/infer")
                .then().statusCode(400).body("error", containsString("inputs"));
        given().get("/v2/no/such/route").then().statusCode(404);
    }
}
