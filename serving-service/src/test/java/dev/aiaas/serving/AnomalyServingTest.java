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
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelInferResponse.InferOutputTensor;
import dev.aiaas.proto.inference.ModelMetadataRequest;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An anomaly detector served over the Open Inference Protocol: it answers {@code anomaly_score}
 * (FP32 [batch], the very scores the model computes for those rows) and {@code is_anomaly}
 * (BOOL [batch], the score above the model's threshold) over gRPC and REST, for prepared and
 * raw rows; a request may ask for either alone, also as raw contents; a classifier's or a
 * regression model's outputs are refused saying what to ask for; its metadata lists both
 * outputs; a version without a threshold, or behind a transform of another task, is not loaded.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class AnomalyServingTest {

    private static final String ENDPOINT = "detector";
    /** The same computation on the same features: only summation order may differ. */
    private static final double SAME = 1e-6;

    private static AnomalyModels detector;

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    @BeforeEach
    void deployOnce() throws Exception {
        if (detector != null) {
            return;
        }
        detector = AnomalyModels.registered(store);
        deployments.deploy(DeployRequest.newBuilder().setEndpoint(ENDPOINT).setModelName(AnomalyModels.MODEL)
                .setVersion(1).build());
    }

    @Test
    void grpcAnswersTheModelsScoresAndWhetherEachIsAboveTheThreshold() {
        int rows = detector.rows.rowCount();
        float[] expected = detector.model.anomalyScores(detector.rows.values(), rows);

        ModelInferResponse response = inference.modelInfer(prepared(detector.rows.values(), rows).build());

        assertThat(response.getOutputsList()).extracting(InferOutputTensor::getName)
                .containsExactly("anomaly_score", "is_anomaly");
        InferOutputTensor scores = response.getOutputs(0);
        InferOutputTensor flags = response.getOutputs(1);
        assertThat(scores.getDatatype()).isEqualTo("FP32");
        assertThat(scores.getShapeList()).containsExactly((long) rows);
        assertThat(flags.getDatatype()).isEqualTo("BOOL");
        assertThat(flags.getShapeList()).containsExactly((long) rows);
        double threshold = detector.spec.threshold().value();
        for (int row = 0; row < rows; row++) {
            float score = scores.getContents().getFp32Contents(row);
            assertThat((double) score).as("score of row %d", row).isCloseTo(expected[row], within(SAME));
            assertThat(flags.getContents().getBoolContents(row)).as("row %d", row).isEqualTo(score > threshold);
        }
        assertThat(flags.getContents().getBoolContentsList()).as("rows on both sides of the threshold")
                .contains(true, false);
    }

    @Test
    void eachRowsScoreAndVerdictAreLogged() {
        String id = "anomaly-" + UUID.randomUUID();
        int rows = detector.rows.rowCount();
        ModelInferResponse response = inference.modelInfer(prepared(detector.rows.values(), rows).setId(id).build());

        PredictionLogged logged = PredictionTopic.awaitLogged(id, Duration.ofSeconds(20));

        assertThat(logged.getPredictedClassesList()).isEmpty();
        assertThat(logged.getPredictedWidth()).isEqualTo(1);
        assertThat(logged.getPredictedValuesList())
                .containsExactlyElementsOf(response.getOutputs(0).getContents().getFp32ContentsList());
        assertThat(logged.getAnomaliesList())
                .containsExactlyElementsOf(response.getOutputs(1).getContents().getBoolContentsList());
    }

    @Test
    void restAnswersRawRowsTransformedInTheServer() {
        float[] firstTwo = Arrays.copyOf(detector.rows.values(), 2 * AnomalyModels.COLUMNS.size());
        float[] expected = detector.model.anomalyScores(firstTwo, 2);
        StringBuilder inputs = new StringBuilder();
        for (String column : AnomalyModels.COLUMNS) {
            inputs.append(inputs.isEmpty() ? "" : ", ").append("{\"name\": \"").append(column)
                    .append("\", \"shape\": [2], \"datatype\": \"FP64\", \"data\": [").append(detector.raw(0, column))
                    .append(", ").append(detector.raw(1, column)).append("]}");
        }

        var body = given().contentType("application/json").body("{\"inputs\": [" + inputs + "]}")
                .post("/v2/models/" + ENDPOINT + "/infer")
                .then().statusCode(200)
                .body("outputs.name", contains("anomaly_score", "is_anomaly"))
                .body("outputs[1].datatype", equalTo("BOOL"))
                .body("outputs[1].shape", contains(2))
                .extract().jsonPath();

        List<Float> scores = body.getList("outputs[0].data", Float.class);
        List<Boolean> flags = body.getList("outputs[1].data", Boolean.class);
        for (int row = 0; row < 2; row++) {
            assertThat((double) scores.get(row)).isCloseTo(expected[row], within(1e-5));
            assertThat(flags.get(row)).isEqualTo(detector.model.isAnomaly(scores.get(row)));
        }
    }

    @Test
    void askingForIsAnomalyAloneAsRawContentsAnswersOneBytePerRow() {
        int rows = detector.rows.rowCount();
        float[] scores = detector.model.anomalyScores(detector.rows.values(), rows);
        ByteBuffer features = ByteBuffer.allocate(rows * AnomalyModels.COLUMNS.size() * 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (float value : detector.rows.values()) {
            features.putFloat(value);
        }
        ModelInferRequest request = ModelInferRequest.newBuilder().setModelName(ENDPOINT)
                .addInputs(InferInputTensor.newBuilder().setName("input").setDatatype("FP32").addShape(rows)
                        .addShape(AnomalyModels.COLUMNS.size()))
                .addRawInputContents(ByteString.copyFrom(features.array()))
                .addOutputs(InferRequestedOutputTensor.newBuilder().setName("is_anomaly")).build();

        ModelInferResponse response = inference.modelInfer(request);

        assertThat(response.getOutputsList()).extracting(InferOutputTensor::getName).containsExactly("is_anomaly");
        ByteString flags = response.getRawOutputContents(0);
        assertThat(flags.size()).isEqualTo(rows);
        for (int row = 0; row < rows; row++) {
            assertThat(flags.byteAt(row)).as("row %d", row).isEqualTo((byte) (detector.model.isAnomaly(scores[row])
                    ? 1 : 0));
        }
    }

    @Test
    void askingForAnotherTasksOutputIsRefusedSayingWhatToAskFor() {
        float[] row = detector.rows.row(0);
        for (String output : List.of("predictions", "probabilities", "predicted_class")) {
            assertThatThrownBy(() -> inference.modelInfer(prepared(row, 1)
                    .addOutputs(InferRequestedOutputTensor.newBuilder().setName(output)).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(e.getStatus().getDescription()).contains("output '" + output + "'")
                                .contains("this model detects anomalies: ask for 'anomaly_score' or 'is_anomaly'");
                    });
        }
        given().contentType("application/json")
                .body("{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 4], \"datatype\": \"FP32\", "
                        + "\"data\": [0.1, 0.2, 0.3, 0.4]}], \"outputs\": [{\"name\": \"predictions\"}]}")
                .post("/v2/models/" + ENDPOINT + "/infer")
                .then().statusCode(400)
                .body("error", containsString("detects anomalies"));
    }

    @Test
    void metadataListsTheScoreAndTheVerdict() {
        given().get("/v2/models/" + ENDPOINT).then().statusCode(200)
                .body("inputs.name", contains("input", "a", "b", "c", "d"))
                .body("outputs.name", contains("anomaly_score", "is_anomaly"))
                .body("outputs.datatype", contains("FP32", "BOOL"))
                .body("outputs[0].shape", contains(-1))
                .body("outputs[1].shape", contains(-1));
        var grpc = inference.modelMetadata(ModelMetadataRequest.newBuilder().setName(ENDPOINT).build());
        assertThat(grpc.getOutputsList()).extracting(o -> o.getName() + " " + o.getDatatype() + " " + o.getShapeList())
                .containsExactly("anomaly_score FP32 [-1]", "is_anomaly BOOL [-1]");
    }

    @Test
    void aVersionWithoutAThresholdOrBehindATransformOfAnotherTaskIsNotLoaded() {
        List<String> refusals = new ArrayList<>();
        for (long version : List.of(2L, 3L)) {
            assertThatThrownBy(() -> deployments.deploy(DeployRequest.newBuilder().setEndpoint("detector-" + version)
                    .setModelName(AnomalyModels.MODEL).setVersion(version).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                        refusals.add(e.getStatus().getDescription());
                    });
        }
        assertThat(refusals.get(0)).contains("detector v2").contains("no anomaly threshold");
        assertThat(refusals.get(1)).contains("detector v3").contains("anomalies (anomaly detection)")
                .contains("transform encodes the label for numbers");
    }

    private static ModelInferRequest.Builder prepared(float[] values, int rows) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (float value : values) {
            contents.addFp32Contents(value);
        }
        return ModelInferRequest.newBuilder().setModelName(ENDPOINT).addInputs(InferInputTensor.newBuilder()
                .setName("input").setDatatype("FP32").addShape(rows).addShape(AnomalyModels.COLUMNS.size())
                .setContents(contents));
    }
}
