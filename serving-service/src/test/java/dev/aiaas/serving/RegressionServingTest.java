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
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelStatisticsRequest;
import dev.aiaas.proto.serving.v1.Batching;
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A regression model served over the Open Inference Protocol: it answers
 * {@code predictions} (FP32 [batch, 1], in the target's units) over gRPC and REST, as contents
 * and as raw contents, alone and batched with other requests; its metadata lists that output;
 * a classifier's outputs or the classification extension asked of it are refused saying what
 * to ask for; and a version whose transform encodes classes is not loaded.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class RegressionServingTest {

    private static final String ENDPOINT = "linear";
    /**
     * How far a prediction may be from {@code 2a − 3b + 1}, whose values span about ±25 (the
     * fitted linear model was measured within 3e-6 of it on the test rows).
     */
    private static final double CLOSE = 0.05;

    private static LinearModels linear;

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    @BeforeEach
    void deployOnce() throws Exception {
        if (linear != null) {
            return;
        }
        linear = LinearModels.registered(store);
        deployments.deploy(DeployRequest.newBuilder().setEndpoint(ENDPOINT).setModelName(LinearModels.MODEL)
                .setVersion(1).build());
    }

    @Test
    void grpcAnswersPredictionsCloseToTheTrueValues() {
        int rows = linear.test.rowCount();

        ModelInferResponse response = inference.modelInfer(prepared(linear.test.values(), rows).build());

        assertThat(response.getOutputsCount()).isEqualTo(1);
        assertThat(response.getOutputs(0).getName()).isEqualTo("predictions");
        assertThat(response.getOutputs(0).getDatatype()).isEqualTo("FP32");
        assertThat(response.getOutputs(0).getShapeList()).containsExactly((long) rows, 1L);
        List<Float> predictions = response.getOutputs(0).getContents().getFp32ContentsList();
        assertThat(predictions).hasSize(rows);
        for (int row = 0; row < rows; row++) {
            assertThat((double) predictions.get(row)).as("test row %d", row).isCloseTo(linear.trueTest(row),
                    within(CLOSE));
        }
    }

    @Test
    void restAnswersPredictionsForRawColumnsTransformedInTheServer() {
        given().contentType("application/json")
                .body("""
                        {"id": "r1", "inputs": [
                          {"name": "a", "shape": [2], "datatype": "FP64", "data": [1.0, -3.0]},
                          {"name": "b", "shape": [2], "datatype": "FP64", "data": [-2.0, 0.5]}]}""")
                .post("/v2/models/" + ENDPOINT + "/infer")
                .then().statusCode(200)
                .body("id", equalTo("r1"))
                .body("outputs.name", contains("predictions"))
                .body("outputs[0].datatype", equalTo("FP32"))
                .body("outputs[0].shape", contains(2, 1))
                .body("outputs[0].data[0]", closeTo(LinearModels.truth(1, -2)))   // 9
                .body("outputs[0].data[1]", closeTo(LinearModels.truth(-3, 0.5))); // -6.5
    }

    @Test
    void rawInputContentsGetRawFp32PredictionsWithTheSameAnswer() {
        float[] batch = linear.test.values();
        int rows = linear.test.rowCount();
        ByteBuffer bytes = ByteBuffer.allocate(batch.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : batch) {
            bytes.putFloat(value);
        }
        ModelInferRequest request = ModelInferRequest.newBuilder().setModelName(ENDPOINT)
                .addInputs(InferInputTensor.newBuilder().setName("input").setDatatype("FP32").addShape(rows).addShape(2))
                .addRawInputContents(ByteString.copyFrom(bytes.array())).build();

        ModelInferResponse raw = inference.modelInfer(request);
        List<Float> expected = inference.modelInfer(prepared(batch, rows).build()).getOutputs(0).getContents()
                .getFp32ContentsList();

        assertThat(raw.getOutputs(0).getName()).isEqualTo("predictions");
        assertThat(raw.getOutputs(0).getContents().getFp32ContentsCount()).as("values travel raw").isZero();
        assertThat(raw.getRawOutputContentsCount()).isEqualTo(1);
        ByteBuffer predictions = raw.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(predictions.remaining()).isEqualTo(rows * 4);
        for (float value : expected) {
            assertThat(predictions.getFloat()).isEqualTo(value);
        }
    }

    @Test
    void metadataListsPredictionsAsTheOnlyOutputOverGrpcAndRest() {
        given().get("/v2/models/" + ENDPOINT).then().statusCode(200)
                .body("inputs.name", contains("input", "a", "b"))
                .body("inputs[0].shape", contains(-1, 2))
                .body("outputs.name", contains("predictions"))
                .body("outputs[0].datatype", equalTo("FP32"))
                .body("outputs[0].shape", contains(-1, 1));
        var grpc = inference.modelMetadata(ModelMetadataRequest.newBuilder().setName(ENDPOINT).build());
        assertThat(grpc.getOutputsList()).singleElement().satisfies(output -> {
            assertThat(output.getName()).isEqualTo("predictions");
            assertThat(output.getDatatype()).isEqualTo("FP32");
            assertThat(output.getShapeList()).containsExactly(-1L, 1L);
        });
    }

    @Test
    void askingForAClassifiersOutputIsRefusedSayingToAskForPredictions() {
        for (String output : List.of("probabilities", "predicted_class", "predicted_label")) {
            assertRefused(prepared(new float[] {0.1f, 0.2f}, 1)
                    .addOutputs(InferRequestedOutputTensor.newBuilder().setName(output)).build(), output);
        }
        given().contentType("application/json")
                .body("{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 2], \"datatype\": \"FP32\", \"data\": [0.1, 0.2]}],"
                        + " \"outputs\": [{\"name\": \"predicted_label\"}]}")
                .post("/v2/models/" + ENDPOINT + "/infer")
                .then().statusCode(400)
                .body("error", containsString("predicts numbers"))
                .body("error", containsString("ask for 'predictions'"));
    }

    @Test
    void theClassificationExtensionIsRefusedSayingToAskForPredictions() {
        assertRefused(prepared(new float[] {0.1f, 0.2f}, 1).addOutputs(InferRequestedOutputTensor.newBuilder()
                .setName("predictions").putParameters("classification", InferParameter.newBuilder().setInt64Param(1)
                        .build())).build(), "classification");
        given().contentType("application/json")
                .body("{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 2], \"datatype\": \"FP32\", \"data\": [0.1, 0.2]}],"
                        + " \"outputs\": [{\"name\": \"predictions\", \"parameters\": {\"classification\": 1}}]}")
                .post("/v2/models/" + ENDPOINT + "/infer")
                .then().statusCode(400)
                .body("error", containsString("predicts numbers"))
                .body("error", containsString("ask for 'predictions'"));
    }

    @Test
    void askingForPredictionsByNameAnswersThem() {
        ModelInferResponse response = inference.modelInfer(prepared(linear.test.row(0), 1)
                .addOutputs(InferRequestedOutputTensor.newBuilder().setName("predictions")).build());

        assertThat(response.getOutputsList()).extracting(o -> o.getName()).containsExactly("predictions");
        assertThat((double) response.getOutputs(0).getContents().getFp32Contents(0))
                .isCloseTo(linear.trueTest(0), within(CLOSE));
    }

    @Test
    void concurrentRequestsBatchedTogetherEachGetTheirOwnPredictions() throws Exception {
        deployments.deploy(DeployRequest.newBuilder().setEndpoint("linear-batched").setModelName(LinearModels.MODEL)
                .setVersion(1).setBatching(Batching.newBuilder().setMaxBatchSize(32).setMaxQueueDelayUs(5000)
                        .setInstances(1)).build());
        int rows = linear.test.rowCount();
        int requests = 8 * rows;
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<Float>> answers = new ArrayList<>(requests);
        try {
            for (int i = 0; i < requests; i++) {
                float[] row = linear.test.row(i % rows);
                answers.add(clients.submit(() -> inference.modelInfer(prepared(row, 1).setModelName("linear-batched")
                        .build()).getOutputs(0).getContents().getFp32Contents(0)));
            }
            for (int i = 0; i < requests; i++) {
                assertThat((double) answers.get(i).get(60, TimeUnit.SECONDS)).as("request %d", i)
                        .isCloseTo(linear.trueTest(i % rows), within(CLOSE));
            }
        } finally {
            clients.shutdownNow();
        }
        var stats = inference.modelStatistics(ModelStatisticsRequest.newBuilder().setName("linear-batched").build())
                .getModelStats(0);
        assertThat(stats.getBatchStatsList()).as("some requests shared a forward pass")
                .anyMatch(b -> b.getBatchSize() > 1);
    }

    @Test
    void answersAreLoggedWithTheirPredictedValuesAndNoClasses() {
        String id = "regression-" + UUID.randomUUID();
        ModelInferResponse answer = inference.modelInfer(prepared(new float[] {0.5f, -0.5f, 1f, 1f}, 2).setId(id)
                .build());

        PredictionLogged logged = PredictionTopic.awaitLogged(id, Duration.ofSeconds(20));

        assertThat(logged.getEndpoint()).isEqualTo(ENDPOINT);
        assertThat(logged.getModelName()).isEqualTo(LinearModels.MODEL);
        assertThat(logged.getStatus()).isEqualTo("OK");
        assertThat(logged.getRows()).isEqualTo(2);
        assertThat(logged.getPredictedClassesList()).isEmpty();
        assertThat(logged.getPredictedWidth()).isEqualTo(1);
        assertThat(logged.getPredictedValuesList())
                .containsExactlyElementsOf(answer.getOutputs(0).getContents().getFp32ContentsList());
    }

    @Test
    void aVersionWhoseTransformEncodesClassesIsNotLoaded() {
        assertThatThrownBy(() -> deployments.deploy(DeployRequest.newBuilder().setEndpoint("linear-mismatched")
                .setModelName(LinearModels.MODEL).setVersion(2).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(e.getStatus().getDescription()).contains("linear v2")
                            .contains("predicts numbers").contains("transform encodes the label for classes");
                });
        given().get("/v2/models/linear-mismatched").then().statusCode(404);
    }

    private static ModelInferRequest.Builder prepared(float[] values, int rows) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (float value : values) {
            contents.addFp32Contents(value);
        }
        return ModelInferRequest.newBuilder().setModelName(ENDPOINT).addInputs(InferInputTensor.newBuilder()
                .setName("input").setDatatype("FP32").addShape(rows).addShape(2).setContents(contents));
    }

    private void assertRefused(ModelInferRequest request, String mentions) {
        assertThatThrownBy(() -> inference.modelInfer(request)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains(mentions).contains("predicts numbers")
                            .contains("ask for 'predictions'");
                });
    }

    private static org.hamcrest.Matcher<Float> closeTo(double expected) {
        return org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThan((float) (expected - CLOSE)))
                .and(org.hamcrest.Matchers.lessThan((float) (expected + CLOSE)));
    }
}
