package dev.aiaas.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.google.protobuf.ByteString;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelMetadataResponse;
import dev.aiaas.proto.inference.ModelStatistics;
import dev.aiaas.proto.inference.ModelStatisticsRequest;
import dev.aiaas.proto.serving.v1.Batching;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    private static final double TOLERANCE = 1e-5;

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
        if (models != null) {
            return;
        }
        UploadedModels registered = UploadedModels.registered(store);
        ENDPOINTS.forEach((endpoint, model) -> deployments.deploy(DeployRequest.newBuilder().setEndpoint(endpoint)
                .setModelName(model).setVersion(1)
                .setBatching(Batching.newBuilder().setMaxBatchSize(16).setMaxQueueDelayUs(5_000).setInstances(1))
                .build()));
        models = registered;
    }

    @Test
    void eachFormatAnswersTheProbabilitiesPyTorchComputedOverGrpc() {
        for (String endpoint : ENDPOINTS.keySet()) {
            ModelInferResponse response = inference.modelInfer(rows(endpoint, models.rows).build());

            assertThat(response.getOutputsList()).as(endpoint)
                    .extracting(o -> o.getName() + " " + o.getDatatype() + " " + o.getShapeList())
                    .containsExactly("probabilities FP32 [5, 3]");
            assertProbabilities(endpoint, response.getOutputs(0).getContents().getFp32ContentsList(), 0);
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

            assertProbabilities(endpoint, answered, 0);
        }
    }

    @Test
    void rawContentsInAnswerRawContentsOut() {
        ByteBuffer raw = ByteBuffer.allocate(2 * UploadedModels.FEATURES * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int row = 1; row <= 2; row++) {
            for (float value : models.rows[row]) {
                raw.putFloat(value);
            }
        }
        ModelInferRequest request = ModelInferRequest.newBuilder().setModelName("byo-onnx")
                .addInputs(InferInputTensor.newBuilder().setName("input").setDatatype("FP32").addShape(2)
                        .addShape(UploadedModels.FEATURES))
                .addRawInputContents(ByteString.copyFrom(raw.array())).build();

        ModelInferResponse response = inference.modelInfer(request);

        ByteBuffer answer = response.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<Float> probabilities = new ArrayList<>();
        while (answer.hasRemaining()) {
            probabilities.add(answer.getFloat());
        }
        assertThat(response.getOutputs(0).getShapeList()).containsExactly(2L, 3L);
        assertProbabilities("byo-onnx", probabilities, 1);
    }

    @Test
    void concurrentRequestsShareForwardPassesAndEachGetsItsOwnRowsAnswer() throws Exception {
        int requests = 200;
        for (String endpoint : ENDPOINTS.keySet()) {
            ModelStatistics before = statistics(endpoint);
            ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", server.getPort()).usePlaintext()
                    .build();
            List<CompletableFuture<ModelInferResponse>> sent = new ArrayList<>();
            try {
                var async = GRPCInferenceServiceGrpc.newStub(channel);
                Semaphore inFlight = new Semaphore(32);
                for (int i = 0; i < requests; i++) {
                    inFlight.acquire();
                    float[][] row = {models.rows[i % models.rows.length]};
                    CompletableFuture<ModelInferResponse> answer = call(async, rows(endpoint, row).setId("r" + i)
                            .build());
                    answer.whenComplete((r, e) -> inFlight.release());
                    sent.add(answer);
                }
                for (int i = 0; i < requests; i++) {
                    ModelInferResponse response = sent.get(i).get(60, TimeUnit.SECONDS);
                    assertThat(response.getId()).isEqualTo("r" + i);
                    assertProbabilities(endpoint, response.getOutputs(0).getContents().getFp32ContentsList(),
                            i % models.rows.length);
                }
            } finally {
                channel.shutdownNow();
            }

            ModelStatistics after = statistics(endpoint);
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
                request("byo-onnx", InferInputTensor.newBuilder().setName("features").setDatatype("FP32").addShape(1)
                        .addShape(4).setContents(fourFloats)),
                request("byo-torchscript", InferInputTensor.newBuilder().setName("input").setDatatype("FP32")
                        .addShape(1).addShape(5).setContents(fourFloats.toBuilder().addFp32Contents(5f))),
                request("byo-onnx", InferInputTensor.newBuilder().setName("input").setDatatype("FP32")
                        .addShape(2).addShape(2).setContents(fourFloats)),
                request("byo-torchscript", InferInputTensor.newBuilder().setName("input").setDatatype("FP64")
                        .addShape(1).addShape(4).setContents(InferTensorContents.newBuilder()
                                .addAllFp64Contents(List.of(1d, 2d, 3d, 4d)))));
        List<String> expected = List.of(
                "this model takes one input, 'input' (FP32 [-1, 4]): [batch, 4]; the request sent [features]",
                "input 'input' has shape [1, 5]; this model takes one input, 'input' (FP32 [-1, 4])",
                "input 'input' has shape [2, 2]; this model takes",
                "input 'input' has datatype FP64; this model takes FP32");
        for (int n = 0; n < requests.size(); n++) {
            ModelInferRequest request = requests.get(n);
            String message = expected.get(n);
            assertThatThrownBy(() -> inference.modelInfer(request))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(e.getStatus().getDescription()).contains(message);
                    });
        }
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
                rows("byo-onnx", models.rows).addOutputs(InferRequestedOutputTensor.newBuilder()
                        .setName("predicted_class")).build(),
                rows("byo-torchscript", models.rows).addOutputs(InferRequestedOutputTensor.newBuilder()
                        .setName("logits")).build(),
                rows("byo-onnx", models.rows).addOutputs(InferRequestedOutputTensor.newBuilder()
                        .setName("probabilities").putParameters("classification",
                                InferParameter.newBuilder().setInt64Param(2).build())).build());
        List<String> expected = List.of(
                "output 'predicted_class' is a classifier's; this model answers the outputs it was uploaded with: "
                        + "ask for [probabilities]",
                "output 'logits' is not an output of this model: ask for [probabilities]",
                "this uploaded model has no class labels");
        for (int n = 0; n < requests.size(); n++) {
            ModelInferRequest request = requests.get(n);
            String message = expected.get(n);
            assertThatThrownBy(() -> inference.modelInfer(request))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(e.getStatus().getDescription()).contains(message);
                    });
        }
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
        ModelStatistics before = statistics("byo-onnx");

        inference.modelInfer(rows("byo-onnx", models.rows).build());

        ModelStatistics after = statistics("byo-onnx");
        assertThat(after.getInferenceCount() - before.getInferenceCount()).isEqualTo(5);
        assertThat(after.getInferenceStats().getSuccess().getCount()
                - before.getInferenceStats().getSuccess().getCount()).isEqualTo(1);
        assertThat(memory("byo-onnx")).isEqualTo(models.onnxBytes);
        assertThat(memory("byo-torchscript")).isEqualTo(models.torchScriptBytes);
    }

    @Test
    void aFileTheEngineCannotLoadIsRefusedAtDeployWithTheEnginesMessage() {
        assertThat(refusal(UploadedModels.ONNX, 2)).contains("iris-onnx v2 cannot be served")
                .contains("OnnxRuntime cannot load its ONNX file").contains("ONNX Model cannot be loaded")
                .contains("upload a file OnnxRuntime can load");
        assertThat(refusal(UploadedModels.TORCHSCRIPT, 2)).contains("iris-torchscript v2 cannot be served")
                .contains("PyTorch cannot load its TORCHSCRIPT file").contains("PytorchStreamReader");
    }

    @Test
    void aSignatureServingCannotServeOrTheFileDoesNotAnswerIsRefusedAtDeploy() {
        assertThat(refusal(UploadedModels.ONNX, 3)).contains("iris-onnx v3 cannot be served")
                .contains("its signature declares 2 inputs [input, mask]")
                .contains("serving takes one input, FP32 or INT64 shaped [-1, d1, …]");
        assertThat(refusal(UploadedModels.ONNX, 4)).contains("iris-onnx v4 cannot be served")
                .contains("output 'probabilities' (FP32 [-1, 4]) of the file is shaped [2, 3] for 2 rows")
                .contains("upload it again with the signature of the file");
    }

    @Test
    void theModelsTrainedHereStillRunOnPyTorchAsDjlsDefaultEngine() {
        assertThat(ai.djl.engine.Engine.getDefaultEngineName()).isEqualTo("PyTorch");
        assertThat(ai.djl.engine.Engine.getEngine("OnnxRuntime")).as("loaded for the ONNX endpoint").isNotNull();
    }

    /** The FAILED_PRECONDITION a deploy of {@code model} v{@code version} gets; nothing is deployed. */
    private String refusal(String model, long version) {
        String endpoint = "refused-" + model + "-" + version;
        StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> deployments.deploy(DeployRequest.newBuilder().setEndpoint(endpoint).setModelName(model)
                        .setVersion(version).build()));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        given().get("/v2/models/" + endpoint + "/ready").then().statusCode(404);
        System.out.println("refused " + model + " v" + version + ": " + refused.getStatus().getDescription());
        return refused.getStatus().getDescription();
    }

    /** {@code values} are the expected probabilities of the rows from {@code firstRow} on, in order. */
    private static void assertProbabilities(String endpoint, List<Float> values, int firstRow) {
        assertThat(values.size() % UploadedModels.CLASSES).isZero();
        for (int i = 0; i < values.size(); i++) {
            int row = firstRow + i / UploadedModels.CLASSES;
            float expected = models.probabilities[row][i % UploadedModels.CLASSES];
            assertThat((double) values.get(i)).as("%s row %d class %d", endpoint, row, i % UploadedModels.CLASSES)
                    .isCloseTo(expected, within(TOLERANCE));
        }
    }

    private static ModelInferRequest.Builder rows(String endpoint, float[][] rows) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (float[] row : rows) {
            for (float value : row) {
                contents.addFp32Contents(value);
            }
        }
        return ModelInferRequest.newBuilder().setModelName(endpoint).addInputs(InferInputTensor.newBuilder()
                .setName("input").setDatatype("FP32").addShape(rows.length).addShape(UploadedModels.FEATURES)
                .setContents(contents));
    }

    private static ModelInferRequest request(String endpoint, InferInputTensor.Builder input) {
        return ModelInferRequest.newBuilder().setModelName(endpoint).addInputs(input).build();
    }

    private static String restBody(float[][] rows) {
        StringBuilder data = new StringBuilder();
        for (float[] row : rows) {
            for (float value : row) {
                data.append(data.length() == 0 ? "" : ",").append(value);
            }
        }
        return "{\"inputs\": [{\"name\": \"input\", \"shape\": [" + rows.length + ", " + UploadedModels.FEATURES
                + "], \"datatype\": \"FP32\", \"data\": [" + data + "]}]}";
    }

    private ModelStatistics statistics(String endpoint) {
        return inference.modelStatistics(ModelStatisticsRequest.newBuilder().setName(endpoint).build())
                .getModelStats(0);
    }

    private long memory(String endpoint) {
        return deployments.getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(endpoint).build())
                .getModelMemoryBytes();
    }

    private static CompletableFuture<ModelInferResponse> call(GRPCInferenceServiceGrpc.GRPCInferenceServiceStub async,
            ModelInferRequest request) {
        CompletableFuture<ModelInferResponse> answer = new CompletableFuture<>();
        async.modelInfer(request, new StreamObserver<>() {
            @Override
            public void onNext(ModelInferResponse value) {
                answer.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        return answer;
    }
}
