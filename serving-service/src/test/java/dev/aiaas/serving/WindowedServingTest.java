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
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelMetadataResponse.TensorMetadata;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sequence model served over the Open Inference Protocol: each example is a window of
 * {@value WindowedModels#WINDOW} raw rows, every raw column [batch, window] oldest first, which
 * the server transforms with the model's own windowed transform; its answer is the model's
 * forecast of the next {@value WindowedModels#HORIZON} values, the same for raw windows and for
 * prepared [batch, window, features] tensors, over gRPC and REST. A column sent without a
 * window per example is refused naming the width it takes; metadata shows raw columns as
 * [-1, window]; the prediction log samples each window's newest row; a version whose window
 * does not fit its model is not loaded.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class WindowedServingTest {

    private static final String ENDPOINT = "windowed";
    private static final int W = WindowedModels.WINDOW;
    /** The same computation on the same float features: only summation order may differ. */
    private static final double SAME = 1e-4;

    private static WindowedModels windowed;

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    @BeforeEach
    void deployOnce() throws Exception {
        if (windowed != null) {
            return;
        }
        windowed = WindowedModels.registered(store);
        deployments.deploy(DeployRequest.newBuilder().setEndpoint(ENDPOINT).setModelName(WindowedModels.MODEL)
                .setVersion(1).build());
    }

    @Test
    void rawWindowsOverGrpcAnswerTheModelsForecastOfTheTransformedWindows() {
        List<List<Map<String, Object>>> windows = List.of(windowed.window(0), windowed.window(10),
                windowed.window(30));

        ModelInferResponse response = inference.modelInfer(rawWindows(windows).build());

        assertThat(response.getOutputsList()).singleElement().satisfies(output -> {
            assertThat(output.getName()).isEqualTo("predictions");
            assertThat(output.getDatatype()).isEqualTo("FP32");
            assertThat(output.getShapeList()).containsExactly(3L, (long) WindowedModels.HORIZON);
        });
        assertClose(response.getOutputs(0).getContents().getFp32ContentsList(), windowed.expected(windows));
    }

    @Test
    void preparedWindowsGetTheSamePredictionsAsRawWindows() {
        List<List<Map<String, Object>>> windows = List.of(windowed.window(3), windowed.window(17));

        List<Float> raw = inference.modelInfer(rawWindows(windows).build()).getOutputs(0).getContents()
                .getFp32ContentsList();
        List<Float> prepared = inference.modelInfer(prepared(windowed.features(windows), windows.size()).build())
                .getOutputs(0).getContents().getFp32ContentsList();

        assertThat(raw).hasSize(windows.size() * WindowedModels.HORIZON);
        assertClose(prepared, toArray(raw));
    }

    @Test
    void restAnswersRawWindowsAndPreparedWindowsAlike() {
        List<List<Map<String, Object>>> windows = List.of(windowed.window(5), windowed.window(20));
        float[] expected = windowed.expected(windows);

        List<Float> raw = given().contentType("application/json").body(restRawBody(windows))
                .post("/v2/models/" + ENDPOINT + "/infer")
                .then().statusCode(200)
                .body("outputs.name", contains("predictions"))
                .body("outputs[0].shape", contains(2, WindowedModels.HORIZON))
                .extract().jsonPath().getList("outputs[0].data", Float.class);
        List<Float> prepared = given().contentType("application/json")
                .body("{\"inputs\": [{\"name\": \"input\", \"datatype\": \"FP32\", \"shape\": [2, " + W + ", "
                        + features() + "], \"data\": " + json(windowed.features(windows)) + "}]}")
                .post("/v2/models/" + ENDPOINT + "/infer")
                .then().statusCode(200)
                .extract().jsonPath().getList("outputs[0].data", Float.class);

        assertClose(raw, expected);
        assertClose(prepared, expected);
    }

    @Test
    void rawContentsWithFp32ColumnsAnswerTheSameForecast() {
        List<List<Map<String, Object>>> windows = List.of(windowed.window(8), windowed.window(36));
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(ENDPOINT);
        for (String column : WindowedModels.COLUMNS) {
            boolean text = column.equals("weather");
            request.addInputs(InferInputTensor.newBuilder().setName(column).setDatatype(text ? "BYTES" : "FP32")
                    .addShape(windows.size()).addShape(W));
            request.addRawInputContents(text ? rawTexts(windows, column) : rawFloats(windows, column));
        }

        ModelInferResponse response = inference.modelInfer(request.build());

        assertThat(response.getRawOutputContentsCount()).isEqualTo(1);
        ByteBuffer predictions = response.getRawOutputContents(0).asReadOnlyByteBuffer()
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] expected = windowed.expected(windows);
        assertThat(predictions.remaining()).isEqualTo(expected.length * 4);
        for (float value : expected) {
            // the columns travelled as float32, so the features differ from the doubles' in the last bits
            assertThat((double) predictions.getFloat()).isCloseTo(value, within(1e-3));
        }
    }

    @Test
    void aColumnWithoutAWindowPerExampleIsRefusedNamingTheWidthItTakes() {
        List<List<Map<String, Object>>> windows = List.of(windowed.window(0), windowed.window(1));
        ModelInferRequest full = rawWindows(windows).build();
        for (List<Long> shape : List.of(List.of(2L), List.of(2L, 1L), List.of(2L, (long) W - 1))) {
            InferInputTensor level = full.getInputs(0).toBuilder().clearShape().addAllShape(shape)
                    .setContents(InferTensorContents.newBuilder().addAllFp64Contents(
                            full.getInputs(0).getContents().getFp64ContentsList().subList(0,
                                    (int) shape.stream().reduce(1L, (a, b) -> a * b).longValue())))
                    .build();
            assertInvalid(full.toBuilder().setInputs(0, level).build(), "numeric column 'level'",
                    "windows of " + W + " rows", "[batch, " + W + "]");
        }
        InferInputTensor weather = full.getInputs(1).toBuilder().clearShape().addShape(2).addShape(1)
                .setContents(InferTensorContents.newBuilder().addBytesContents(ByteString.copyFromUtf8("sun"))
                        .addBytesContents(ByteString.copyFromUtf8("fog")))
                .build();
        assertInvalid(full.toBuilder().setInputs(1, weather).build(), "categorical column 'weather'",
                "[batch, " + W + "]");
        given().contentType("application/json")
                .body(restRawBody(windows).replace("\"name\": \"level\", \"datatype\": \"FP64\", \"shape\": [2, "
                        + W + "]", "\"name\": \"level\", \"datatype\": \"FP64\", \"shape\": [" + 2 * W + "]"))
                .post("/v2/models/" + ENDPOINT + "/infer")
                .then().statusCode(400)
                .body("error", containsString("numeric column 'level'"))
                .body("error", containsString("[batch, " + W + "]"));
    }

    @Test
    void aMissingValueNoStepFillsIsRefusedNamingTheExampleAndItsRow() {
        List<Map<String, Object>> gap = new ArrayList<>(windowed.window(12));
        Map<String, Object> missing = new HashMap<>(gap.get(2));
        missing.put("level", Double.NaN); // NaN is how a numeric tensor marks a missing value
        gap.set(2, missing);

        assertInvalid(rawWindows(List.of(windowed.window(0), gap)).build(), "example 1", "row 2",
                "column 'level'", "missing");
    }

    @Test
    void metadataShowsEachRawColumnAsAWindowPerExample() {
        given().get("/v2/models/" + ENDPOINT).then().statusCode(200)
                .body("inputs.name", contains("input", "level", "weather", "demand"))
                .body("inputs[0].shape", contains(-1, W, features()))
                .body("inputs[1].shape", contains(-1, W))
                .body("inputs[2].datatype", equalTo("BYTES"))
                .body("inputs[2].shape", contains(-1, W))
                .body("inputs[3].shape", contains(-1, W))
                .body("outputs.name", contains("predictions"))
                .body("outputs[0].shape", contains(-1, WindowedModels.HORIZON));
        var grpc = inference.modelMetadata(ModelMetadataRequest.newBuilder().setName(ENDPOINT).build());
        assertThat(grpc.getInputsList()).extracting(TensorMetadata::getName)
                .containsExactly("input", "level", "weather", "demand");
        assertThat(grpc.getInputs(0).getShapeList()).containsExactly(-1L, (long) W, (long) features());
        for (TensorMetadata raw : grpc.getInputsList().subList(1, 4)) {
            assertThat(raw.getShapeList()).as(raw.getName()).containsExactly(-1L, (long) W);
        }
    }

    @Test
    void answersAreLoggedWithTheNewestRowOfEachWindow() {
        String id = "windowed-" + UUID.randomUUID();
        inference.modelInfer(rawWindows(List.of(windowed.window(0), windowed.window(9))).setId(id).build());

        PredictionLogged logged = PredictionTopic.awaitLogged(id, Duration.ofSeconds(20));

        assertThat(logged.getRows()).isEqualTo(2);
        assertThat(logged.getFeatureNamesList()).containsExactlyElementsOf(WindowedModels.COLUMNS);
        Map<String, Object> first = windowed.series.get(W - 1);
        Map<String, Object> second = windowed.series.get(9 + W - 1);
        assertThat(logged.getFeaturesList()).containsExactly(
                (Double) first.get("level"), Double.NaN, (Double) first.get("demand"),
                (Double) second.get("level"), Double.NaN, (Double) second.get("demand"));
    }

    @Test
    void aVersionWhoseWindowDoesNotFitItsModelIsNotLoaded() {
        assertThatThrownBy(() -> deployments.deploy(DeployRequest.newBuilder().setEndpoint("windowed-mismatched")
                .setModelName(WindowedModels.MODEL).setVersion(2).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(e.getStatus().getDescription()).contains("windowed v2")
                            .contains("windows of " + (W - 1) + " rows").contains("input [" + W + ", ");
                });
        given().get("/v2/models/windowed-mismatched").then().statusCode(404);
    }

    private static int features() {
        return windowed.transform.featureNames().size();
    }

    /** Every raw column as a [windows, W] tensor: numbers as FP64, weather as BYTES. */
    private static ModelInferRequest.Builder rawWindows(List<List<Map<String, Object>>> windows) {
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(ENDPOINT);
        for (String column : WindowedModels.COLUMNS) {
            boolean text = column.equals("weather");
            InferTensorContents.Builder contents = InferTensorContents.newBuilder();
            for (List<Map<String, Object>> window : windows) {
                for (Map<String, Object> record : window) {
                    if (text) {
                        contents.addBytesContents(ByteString.copyFromUtf8((String) record.get(column)));
                    } else {
                        contents.addFp64Contents((Double) record.get(column));
                    }
                }
            }
            request.addInputs(InferInputTensor.newBuilder().setName(column).setDatatype(text ? "BYTES" : "FP64")
                    .addShape(windows.size()).addShape(W).setContents(contents));
        }
        return request;
    }

    private static ModelInferRequest.Builder prepared(float[] values, int rows) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (float value : values) {
            contents.addFp32Contents(value);
        }
        return ModelInferRequest.newBuilder().setModelName(ENDPOINT).addInputs(InferInputTensor.newBuilder()
                .setName("input").setDatatype("FP32").addShape(rows).addShape(W).addShape(features())
                .setContents(contents));
    }

    /** The REST body of raw windows, each column's data nested one array per example. */
    private static String restRawBody(List<List<Map<String, Object>>> windows) {
        List<String> inputs = new ArrayList<>();
        for (String column : WindowedModels.COLUMNS) {
            boolean text = column.equals("weather");
            Function<Object, String> value = v -> text ? "\"" + v + "\"" : v.toString();
            List<String> rows = windows.stream().map(window -> "[" + String.join(", ",
                    window.stream().map(r -> value.apply(r.get(column))).toList()) + "]").toList();
            inputs.add("{\"name\": \"" + column + "\", \"datatype\": \"" + (text ? "BYTES" : "FP64")
                    + "\", \"shape\": [" + windows.size() + ", " + W + "], \"data\": [" + String.join(", ", rows)
                    + "]}");
        }
        return "{\"inputs\": [" + String.join(", ", inputs) + "]}";
    }

    private static ByteString rawFloats(List<List<Map<String, Object>>> windows, String column) {
        ByteBuffer bytes = ByteBuffer.allocate(windows.size() * W * 4).order(ByteOrder.LITTLE_ENDIAN);
        windows.forEach(w -> w.forEach(r -> bytes.putFloat(((Double) r.get(column)).floatValue())));
        return ByteString.copyFrom(bytes.array());
    }

    private static ByteString rawTexts(List<List<Map<String, Object>>> windows, String column) {
        ByteString.Output out = ByteString.newOutput();
        windows.forEach(w -> w.forEach(r -> {
            byte[] utf8 = ((String) r.get(column)).getBytes(StandardCharsets.UTF_8);
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array(), 0, 4);
            out.write(utf8, 0, utf8.length);
        }));
        return out.toByteString();
    }

    private static String json(float[] values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return json.append(']').toString();
    }

    private static float[] toArray(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    private static void assertClose(List<Float> actual, float[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual.get(i)).as("value %d", i).isCloseTo(expected[i], within(SAME));
        }
    }

    private void assertInvalid(ModelInferRequest request, String... mentions) {
        assertThatThrownBy(() -> inference.modelInfer(request)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains(mentions);
                });
    }
}
