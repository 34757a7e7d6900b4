package dev.aiaas.serving;

import static dev.aiaas.serving.FixtureArtifacts.ref;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.aiaas.errors.Projects;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Signature;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.common.v1.TensorSpec;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelStatistics;
import dev.aiaas.proto.inference.ModelStatisticsRequest;
import dev.aiaas.proto.serving.v1.Batching;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.storage.ArtifactStore;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Models made elsewhere, as a user uploads them to the registry: the same small classifier
 * (Linear(4, 8), ReLU, Linear(8, 3), softmax; {@code src/test/resources/byo/make_fixtures.py})
 * saved by PyTorch as TorchScript and as ONNX, each taking {@code input} FP32 [-1, 4] and answering
 * {@code probabilities} FP32 [-1, 3], with five rows and the probabilities PyTorch computed for
 * them ({@code expected.json}). Registered as the registry's UploadModelVersion registers them:
 * family TORCHSCRIPT or ONNX, one artifact of role "model", the uploader's signature.
 * {@value #TORCHSCRIPT} v1 and {@value #ONNX} v1 are servable; {@value #ONNX} v2 is random bytes
 * registered as ONNX and {@value #TORCHSCRIPT} v2 as TorchScript; {@value #ONNX} v3 has the good
 * file with a signature of two inputs, v4 with outputs the file does not answer ([-1, 4]).
 * Besides the fixture, the requests the serving tests send these models and the calls they make
 * to deploy them and read their statistics and memory.
 */
final class UploadedModels {

    static final String TORCHSCRIPT = "iris-torchscript";
    static final String ONNX = "iris-onnx";
    static final int FEATURES = 4;
    static final int CLASSES = 3;
    static final Signature SIGNATURE = signature(List.of(tensor("input", FEATURES)),
            List.of(tensor("probabilities", CLASSES)));
    /** How far an answered probability may be from PyTorch's. */
    private static final double TOLERANCE = 1e-5;

    private static UploadedModels registered;
    /** The endpoints {@link #deployed} has deployed. */
    private static final Set<String> DEPLOYED = new HashSet<>();

    /** Five input rows, {@value #FEATURES} values each. */
    final float[][] rows;
    /** The probabilities PyTorch computed for each of {@link #rows}. */
    final float[][] probabilities;
    final long torchScriptBytes;
    final long onnxBytes;

    private UploadedModels(float[][] rows, float[][] probabilities, long torchScriptBytes, long onnxBytes) {
        this.rows = rows;
        this.probabilities = probabilities;
        this.torchScriptBytes = torchScriptBytes;
        this.onnxBytes = onnxBytes;
    }

    static synchronized UploadedModels registered(ArtifactStore store) throws IOException {
        if (registered == null) {
            JsonNode expected = new ObjectMapper().readTree(resource("expected.json"));
            byte[] torchScript = resource("iris-mlp.pt");
            byte[] onnx = resource("iris-mlp.onnx");
            byte[] junk = new byte[4096];
            new Random(7).nextBytes(junk);
            add(store, TORCHSCRIPT, 1, "TORCHSCRIPT", "model.pt", torchScript, SIGNATURE);
            add(store, TORCHSCRIPT, 2, "TORCHSCRIPT", "model.pt", junk, SIGNATURE);
            add(store, ONNX, 1, "ONNX", "model.onnx", onnx, SIGNATURE);
            add(store, ONNX, 2, "ONNX", "model.onnx", junk, SIGNATURE);
            add(store, ONNX, 3, "ONNX", "model.onnx", onnx, signature(
                    List.of(tensor("input", FEATURES), tensor("mask", FEATURES)), SIGNATURE.getOutputsList()));
            add(store, ONNX, 4, "ONNX", "model.onnx", onnx, signature(SIGNATURE.getInputsList(),
                    List.of(tensor("probabilities", 4))));
            registered = new UploadedModels(matrix(expected.get("input")), matrix(expected.get("probabilities")),
                    torchScript.length, onnx.length);
        }
        return registered;
    }

    /** {@code values} are the expected probabilities of the rows from {@code firstRow} on, in order. */
    void assertProbabilities(String endpoint, List<Float> values, int firstRow) {
        assertThat(values.size() % CLASSES).isZero();
        for (int i = 0; i < values.size(); i++) {
            int row = firstRow + i / CLASSES;
            float expected = probabilities[row][i % CLASSES];
            assertThat((double) values.get(i)).as("%s row %d class %d", endpoint, row, i % CLASSES)
                    .isCloseTo(expected, within(TOLERANCE));
        }
    }

    /**
     * The {@link #registered} models, with each endpoint of {@code endpoints} serving its model v1;
     * an endpoint is deployed once.
     */
    static synchronized UploadedModels deployed(ArtifactStore store, DeploymentServiceBlockingStub deployments,
            Map<String, String> endpoints) throws IOException {
        UploadedModels models = registered(store);
        endpoints.forEach((endpoint, model) -> {
            if (!DEPLOYED.contains(endpoint)) {
                deploy(deployments, endpoint, model);
                DEPLOYED.add(endpoint);
            }
        });
        return models;
    }

    /** Deploys {@code model} v1 on {@code endpoint}, batching up to 16 rows within 5 ms on one instance. */
    private static void deploy(DeploymentServiceBlockingStub deployments, String endpoint, String model) {
        deployments.deploy(DeployRequest.newBuilder().setEndpoint(endpoint).setModelName(model).setVersion(1)
                .setBatching(Batching.newBuilder().setMaxBatchSize(16).setMaxQueueDelayUs(5_000).setInstances(1))
                .build());
    }

    /** The FAILED_PRECONDITION a deploy of {@code model} v{@code version} gets; nothing is deployed. */
    static String refusal(DeploymentServiceBlockingStub deployments, String model, long version) {
        String endpoint = "refused-" + model + "-" + version;
        StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> deployments.deploy(DeployRequest.newBuilder().setEndpoint(endpoint).setModelName(model)
                        .setVersion(version).build()));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        given().get("/v2/models/" + endpoint + "/ready").then().statusCode(404);
        System.out.println("refused " + model + " v" + version + ": " + refused.getStatus().getDescription());
        return refused.getStatus().getDescription();
    }

    /**
     * Each of {@code requests} is refused INVALID_ARGUMENT, its description containing the message
     * of the same index in {@code expected}.
     */
    static void assertEachRefusedAsInvalid(GRPCInferenceServiceBlockingStub inference, List<ModelInferRequest> requests,
            List<String> expected) {
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

    static ModelStatistics statistics(GRPCInferenceServiceBlockingStub inference, String endpoint) {
        return inference.modelStatistics(ModelStatisticsRequest.newBuilder().setName(endpoint).build())
                .getModelStats(0);
    }

    static long memory(DeploymentServiceBlockingStub deployments, String endpoint) {
        return deployments.getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(endpoint).build())
                .getModelMemoryBytes();
    }

    /** A request to {@code endpoint} of {@code rows}, as FP32 contents of its one input [rows, 4]. */
    static ModelInferRequest.Builder rows(String endpoint, float[][] rows) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (float[] row : rows) {
            for (float value : row) {
                contents.addFp32Contents(value);
            }
        }
        return ModelInferRequest.newBuilder().setModelName(endpoint).addInputs(InferInputTensor.newBuilder()
                .setName("input").setDatatype("FP32").addShape(rows.length).addShape(FEATURES)
                .setContents(contents));
    }

    /** A request to {@code endpoint} of {@code count} rows from {@code first} on, as little-endian raw contents. */
    static ModelInferRequest rawRows(String endpoint, float[][] rows, int first, int count) {
        ByteBuffer raw = ByteBuffer.allocate(count * FEATURES * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int row = first; row < first + count; row++) {
            for (float value : rows[row]) {
                raw.putFloat(value);
            }
        }
        return ModelInferRequest.newBuilder().setModelName(endpoint)
                .addInputs(InferInputTensor.newBuilder().setName("input").setDatatype("FP32").addShape(count)
                        .addShape(FEATURES))
                .addRawInputContents(ByteString.copyFrom(raw.array())).build();
    }

    /** The FP32 values of little-endian raw contents. */
    static List<Float> rawFloats(ByteString contents) {
        ByteBuffer answer = contents.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<Float> values = new ArrayList<>();
        while (answer.hasRemaining()) {
            values.add(answer.getFloat());
        }
        return values;
    }

    /** An input tensor {@code name} of {@code datatype} shaped {@code shape}, its contents still to set. */
    static InferInputTensor.Builder input(String name, String datatype, long... shape) {
        InferInputTensor.Builder input = InferInputTensor.newBuilder().setName(name).setDatatype(datatype);
        for (long dimension : shape) {
            input.addShape(dimension);
        }
        return input;
    }

    /** A requested output {@code name}, its parameters still to set. */
    static InferRequestedOutputTensor.Builder output(String name) {
        return InferRequestedOutputTensor.newBuilder().setName(name);
    }

    /** A request to {@code endpoint} with {@code input} as its one input. */
    static ModelInferRequest request(String endpoint, InferInputTensor.Builder input) {
        return ModelInferRequest.newBuilder().setModelName(endpoint).addInputs(input).build();
    }

    /** The REST body of a request of {@code rows}, FP32 [rows, 4]. */
    static String restBody(float[][] rows) {
        StringBuilder data = new StringBuilder();
        for (float[] row : rows) {
            for (float value : row) {
                data.append(data.length() == 0 ? "" : ",").append(value);
            }
        }
        return "{\"inputs\": [{\"name\": \"input\", \"shape\": [" + rows.length + ", " + FEATURES
                + "], \"datatype\": \"FP32\", \"data\": [" + data + "]}]}";
    }

    /**
     * Sends {@code requests} over a channel of their own to the server on {@code port}, at most 32
     * in flight, and waits up to 60 s for each answer; the answers in the requests' order.
     */
    static List<ModelInferResponse> inferConcurrently(int port, List<ModelInferRequest> requests) throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        List<CompletableFuture<ModelInferResponse>> sent = new ArrayList<>();
        try {
            var async = GRPCInferenceServiceGrpc.newStub(channel);
            Semaphore inFlight = new Semaphore(32);
            for (ModelInferRequest request : requests) {
                inFlight.acquire();
                CompletableFuture<ModelInferResponse> answer = call(async, request);
                answer.whenComplete((r, e) -> inFlight.release());
                sent.add(answer);
            }
            List<ModelInferResponse> answers = new ArrayList<>();
            for (CompletableFuture<ModelInferResponse> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            channel.shutdownNow();
        }
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

    private static void add(ArtifactStore store, String model, long version, String family, String file, byte[] bytes,
            Signature signature) {
        ArtifactRef artifact = ref("model", store.put("models/" + model + "/upload-" + version + "/" + file, bytes,
                "application/octet-stream"));
        PeerRegistry.addVersion(Projects.DEFAULT, model, version, family, List.of(artifact), signature);
    }

    /** FP32 [-1, width]: a batch of rows of {@code width} values. */
    private static TensorSpec tensor(String name, int width) {
        return TensorSpec.newBuilder().setName(name).setDatatype("FP32").addShape(-1).addShape(width).build();
    }

    private static Signature signature(List<TensorSpec> inputs, List<TensorSpec> outputs) {
        return Signature.newBuilder().addAllInputs(inputs).addAllOutputs(outputs).setTask(Task.CLASSIFICATION).build();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = UploadedModels.class.getResourceAsStream("/byo/" + name)) {
            if (in == null) {
                throw new IOException("test resource byo/" + name + " is missing");
            }
            return in.readAllBytes();
        }
    }

    private static float[][] matrix(JsonNode rows) {
        float[][] values = new float[rows.size()][];
        for (int row = 0; row < rows.size(); row++) {
            values[row] = new float[rows.get(row).size()];
            for (int col = 0; col < values[row].length; col++) {
                values[row][col] = (float) rows.get(row).get(col).asDouble();
            }
        }
        return values;
    }
}
