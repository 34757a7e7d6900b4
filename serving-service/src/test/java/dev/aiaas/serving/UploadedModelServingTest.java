package dev.aiaas.serving;

import static dev.aiaas.serving.UploadedModels.assertEachRefusedAsInvalid;
import static dev.aiaas.serving.UploadedModels.inferConcurrently;
import static dev.aiaas.serving.UploadedModels.input;
import static dev.aiaas.serving.UploadedModels.memory;
import static dev.aiaas.serving.UploadedModels.output;
import static dev.aiaas.serving.UploadedModels.rawFloats;
import static dev.aiaas.serving.UploadedModels.rawRows;
import static dev.aiaas.serving.UploadedModels.refusal;
import static dev.aiaas.serving.UploadedModels.request;
import static dev.aiaas.serving.UploadedModels.restBody;
import static dev.aiaas.serving.UploadedModels.rows;
import static dev.aiaas.serving.UploadedModels.statistics;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelMetadataResponse;
import dev.aiaas.proto.inference.ModelStatistics;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Models made elsewhere, served over the Open Inference Protocol: a TorchScript file on PyTorch
 * and an ONNX file on ONNX Runtime, each answering the probabilities PyTorch computed for the same
 * rows (within 1e-5) over gRPC and REST, batched through the endpoint's queue like any model;
 * requests are checked against the uploaded signature (input name, datatype, row shape; output
 * names) before anything is computed; metadata, statistics, memory and the prediction log show
 * them; a file the engine cannot read, a signature serving cannot serve and a signature the file
 * does not answer are refused at deploy.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class UploadedModelServingTest {

    /** Endpoint → the model it serves (v1), one per format. */
    private static final Map<String, String> ENDPOINTS = Map.of("byo-torchscript", UploadedModels.TORCHSCRIPT,
            "byo-onnx", UploadedModels.ONNX);

    private static UploadedModels models;

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    @TestHTTPResource("/")
    URI server;

    @BeforeEach
    void deployOnce() throws Exception {
        models = UploadedModels.deployed(store, deployments, ENDPOINTS);
    }

    @Test
    void eachFormatAnswersTheProbabilitiesPyTorchComputedOverGrpc() {
        for (String endpoint : ENDPOINTS.keySet()) {
            ModelInferResponse response = inference.modelInfer(rows(endpoint, models.rows).build());

            assertThat(response.getOutputsList()).as(endpoint)
                    .extracting(o -> o.getName() + " " + o.getDatatype() + " " + o.getShapeList())
                    .containsExactly("probabilities FP32 [5, 3]");
            models.assertProbabilities(endpoint, response.getOutputs(0).getContents().getFp32ContentsList(), 0);
        }
    }

    @Test
    void eachFormatAnswersTheSameProbabilitiesOverRest() {
        for (String endpoint : ENDPOINTS.keySet()) {
            List<Float> answered = given().contentType("application/json").body(restBody(models.rows))
                    .post("/v2/models/" + endpoint + "/infer")
                    .then().statusCode(200)
                    .body("model_version", equalTo("1"))
                    .body("outputs.name", contains("probabilities"))
                    .body("outputs[0].datatype", equalTo("FP32"))
                    .body("outputs[0].shape", contains(5, 3))
                    .extract().jsonPath().getList("outputs[0].data", Float.class);

            models.assertProbabilities(endpoint, answered, 0);
        }
    }

    @Test
    void rawContentsInAnswerRawContentsOut() {
        ModelInferRequest request = rawRows("byo-onnx", models.rows, 1, 2);

        ModelInferResponse response = inference.modelInfer(request);

        List<Float> probabilities = rawFloats(response.getRawOutputContents(0));
        assertThat(response.getOutputs(0).getShapeList()).containsExactly(2L, 3L);
        models.assertProbabilities("byo-onnx", probabilities, 1);
    }

    @Test
    void concurrentRequestsShareForwardPassesAndEachGetsItsOwnRowsAnswer() throws Exception {
        int requests = 200;
        for (String endpoint : ENDPOINTS.keySet()) {
            ModelStatistics before = statistics(inference, endpoint);
            List<ModelInferRequest> sent = IntStream.range(0, requests).mapToObj(i -> rows(endpoint,
                    new float[][] {models.rows[i % models.rows.length]}).setId("r" + i).build()).toList();

            List<ModelInferResponse> answers = inferConcurrently(server.getPort(), sent);

            for (int i = 0; i < requests; i++) {
                ModelInferResponse response = answers.get(i);
                assertThat(response.getId()).isEqualTo("r" + i);
                models.assertProbabilities(endpoint, response.getOutputs(0).getContents().getFp32ContentsList(),
                        i % models.rows.length);
            }
            ModelStatistics after = statistics(inference, endpoint);
            long executions = after.getExecutionCount() - before.getExecutionCount();
            System.out.printf("%s: %d requests in %d executions, batch sizes %s%n", endpoint, requests, executions,
                    after.getBatchStatsList().stream().map(b -> b.getBatchSize()).toList());
            assertThat(after.getInferenceCount() - before.getInferenceCount()).isEqualTo(requests);
            assertThat(executions).as(endpoint + " executions").isLessThan(requests);
            assertThat(after.getBatchStatsList()).as(endpoint).anyMatch(b -> b.getBatchSize() > 1);
        }
    }

    @Test
    void metadataShowsTheUploadedSignaturesInputAndOutputsAndTheEngine() {
        Map<String, String> platforms = Map.of("byo-torchscript", "pytorch_libtorch", "byo-onnx", "onnxruntime_onnx");
        for (String endpoint : ENDPOINTS.keySet()) {
            ModelMetadataResponse grpc = inference.modelMetadata(ModelMetadataRequest.newBuilder().setName(endpoint)
                    .build());
            assertThat(grpc.getPlatform()).isEqualTo(platforms.get(endpoint));
            assertThat(grpc.getInputsList()).extracting(t -> t.getName() + " " + t.getDatatype() + " "
                    + t.getShapeList()).containsExactly("input FP32 [-1, 4]");
            assertThat(grpc.getOutputsList()).extracting(t -> t.getName() + " " + t.getDatatype() + " "
                    + t.getShapeList()).containsExactly("probabilities FP32 [-1, 3]");
            given().get("/v2/models/" + endpoint).then().statusCode(200)
                    .body("platform", equalTo(platforms.get(endpoint)))
                    .body("inputs.name", contains("input"))
                    .body("inputs[0].shape", contains(-1, 4))
                    .body("outputs.name", contains("probabilities"))
                    .body("outputs[0].datatype", equalTo("FP32"))
                    .body("outputs[0].shape", contains(-1, 3));
        }
    }

    @Test
    void aWrongInputNameWidthOrDatatypeIsRefusedBeforeAnythingRuns() {
        InferTensorContents fourFloats = InferTensorContents.newBuilder().addAllFp32Contents(List.of(1f, 2f, 3f, 4f))
                .build();
        List<ModelInferRequest> requests = List.of(
                request("byo-onnx", input("features", "FP32", 1, 4).setContents(fourFloats)),
                request("byo-torchscript", input("input", "FP32", 1, 5)
                        .setContents(fourFloats.toBuilder().addFp32Contents(5f))),
                request("byo-onnx", input("input", "FP32", 2, 2).setContents(fourFloats)),
                request("byo-torchscript", input("input", "FP64", 1, 4)
                        .setContents(InferTensorContents.newBuilder().addAllFp64Contents(List.of(1d, 2d, 3d, 4d)))));
        List<String> expected = List.of(
                "this model takes one input, 'input' (FP32 [-1, 4]): [batch, 4]; the request sent [features]",
                "input 'input' has shape [1, 5]; this model takes one input, 'input' (FP32 [-1, 4])",
                "input 'input' has shape [2, 2]; this model takes",
                "input 'input' has datatype FP64; this model takes FP32");
        assertEachRefusedAsInvalid(inference, requests, expected);
        given().contentType("application/json")
                .body("{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 4], \"datatype\": \"INT64\", "
                        + "\"data\": [1, 2, 3, 4]}]}")
                .post("/v2/models/byo-onnx/infer")
                .then().statusCode(400)
                .body("error", containsString("has datatype INT64; this model takes FP32"));
    }

    @Test
    void anOutputTheModelLacksOrTheClassificationExtensionIsRefused() {
        List<ModelInferRequest> requests = List.of(
                rows("byo-onnx", models.rows).addOutputs(output("predicted_class")).build(),
                rows("byo-torchscript", models.rows).addOutputs(output("logits")).build(),
                rows("byo-onnx", models.rows).addOutputs(output("probabilities").putParameters("classification",
                        InferParameter.newBuilder().setInt64Param(2).build())).build());
        List<String> expected = List.of(
                "output 'predicted_class' is a classifier's; this model answers the outputs it was uploaded with: "
                        + "ask for [probabilities]",
                "output 'logits' is not an output of this model: ask for [probabilities]",
                "this uploaded model has no class labels");
        assertEachRefusedAsInvalid(inference, requests, expected);
    }

    @Test
    void answersAreLoggedWithTheFirstOutputsValues() {
        String id = "uploaded-" + UUID.randomUUID();
        ModelInferResponse response = inference.modelInfer(rows("byo-torchscript", models.rows).setId(id).build());

        PredictionLogged logged = PredictionTopic.awaitLogged(id, Duration.ofSeconds(20));

        assertThat(logged.getModelName()).isEqualTo(UploadedModels.TORCHSCRIPT);
        assertThat(logged.getRows()).isEqualTo(5);
        assertThat(logged.getPredictedWidth()).isEqualTo(UploadedModels.CLASSES);
        assertThat(logged.getPredictedValuesList())
                .containsExactlyElementsOf(response.getOutputs(0).getContents().getFp32ContentsList());
        assertThat(logged.getPredictedClassesList()).isEmpty();
        assertThat(logged.getFeaturesList()).isEmpty();
    }

    @Test
    void requestsCountInStatisticsAndTheFileSizeInTheEndpointsMemory() {
        ModelStatistics before = statistics(inference, "byo-onnx");

        inference.modelInfer(rows("byo-onnx", models.rows).build());

        ModelStatistics after = statistics(inference, "byo-onnx");
        assertThat(after.getInferenceCount() - before.getInferenceCount()).isEqualTo(5);
        assertThat(after.getInferenceStats().getSuccess().getCount()
                - before.getInferenceStats().getSuccess().getCount()).isEqualTo(1);
        assertThat(memory(deployments, "byo-onnx")).isEqualTo(models.onnxBytes);
        assertThat(memory(deployments, "byo-torchscript")).isEqualTo(models.torchScriptBytes);
    }

    @Test
    void aFileTheEngineCannotLoadIsRefusedAtDeployWithTheEnginesMessage() {
        assertThat(refusal(deployments, UploadedModels.ONNX, 2)).contains("iris-onnx v2 cannot be served")
                .contains("OnnxRuntime cannot load its ONNX file").contains("ONNX Model cannot be loaded")
                .contains("upload a file OnnxRuntime can load");
        assertThat(refusal(deployments, UploadedModels.TORCHSCRIPT, 2)).contains("iris-torchscript v2 cannot be served")
                .contains("PyTorch cannot load its TORCHSCRIPT file").contains("PytorchStreamReader");
    }

    @Test
    void aSignatureServingCannotServeOrTheFileDoesNotAnswerIsRefusedAtDeploy() {
        assertThat(refusal(deployments, UploadedModels.ONNX, 3)).contains("iris-onnx v3 cannot be served")
                .contains("its signature declares 2 inputs [input, mask]")
                .contains("serving takes one input, FP32 or INT64 shaped [-1, d1, …]");
        assertThat(refusal(deployments, UploadedModels.ONNX, 4)).contains("iris-onnx v4 cannot be served")
                .contains("output 'probabilities' (FP32 [-1, 4]) of the file is shaped [2, 3] for 2 rows")
                .contains("upload it again with the signature of the file");
    }

    @Test
    void theModelsTrainedHereStillRunOnPyTorchAsDjlsDefaultEngine() {
        assertThat(ai.djl.engine.Engine.getDefaultEngineName()).isEqualTo("PyTorch");
        assertThat(ai.djl.engine.Engine.getEngine("OnnxRuntime")).as("loaded for the ONNX endpoint").isNotNull();
    }
}
