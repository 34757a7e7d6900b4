package dev.aiaas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.localstack.RunningService;
import dev.aiaas.models.LoadedModel;
import dev.aiaas.proto.inference.ModelInferResponse;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Before anything is timed: the served endpoint, over gRPC and over REST, must answer the
 * same probabilities as the engine baseline for the same rows, so that both sides of the
 * table run the same model on the same input. The load itself only counts answers.
 */
final class ServedOutputCheck {

    /** Float32 noise between two runs of the same network; a different model differs by far more. */
    static final double TOLERANCE = 1e-4;
    private static final int ROWS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServedOutputCheck() {
    }

    /**
     * @return the largest difference of any probability, gRPC and REST together
     * @throws IllegalStateException naming the endpoint when an answer differs beyond {@link #TOLERANCE}
     */
    static double check(TrainedModel trained, LoadedModel engine, String endpoint, RunningService serving)
            throws Exception {
        String host = serving.host();
        int port = serving.port();
        float[] batch = trained.batch(ROWS);
        float[] expected = engine.predictProbabilities(batch, ROWS);
        ModelInferResponse grpc = GrpcLoad.callOnce(host, port,
                InferRequests.grpc(endpoint, trained.kind().spec(), batch, ROWS));
        double grpcDiff = compare(endpoint + " over gRPC", expected, grpcProbabilities(grpc));
        URI infer = URI.create(serving.httpBase() + "/v2/models/" + endpoint + "/infer");
        HttpResponse<String> rest = RestLoad.callOnce(infer, InferRequests.json(trained.kind().spec(), batch, ROWS));
        if (rest.statusCode() != 200) {
            throw new IllegalStateException(endpoint + " over REST answered HTTP " + rest.statusCode() + ": "
                    + rest.body());
        }
        double restDiff = compare(endpoint + " over REST", expected, restProbabilities(rest.body()));
        return Math.max(grpcDiff, restDiff);
    }

    private static float[] grpcProbabilities(ModelInferResponse response) {
        if (response.getRawOutputContentsCount() > 0) {
            FloatBuffer floats = response.getRawOutputContents(0).asReadOnlyByteBuffer()
                    .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] values = new float[floats.remaining()];
            floats.get(values);
            return values;
        }
        float[] values = new float[response.getOutputs(0).getContents().getFp32ContentsCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = response.getOutputs(0).getContents().getFp32Contents(i);
        }
        return values;
    }

    private static float[] restProbabilities(String body) throws Exception {
        for (JsonNode output : JSON.readTree(body).path("outputs")) {
            if (InferRequests.PROBABILITIES.equals(output.path("name").asText())) {
                JsonNode data = output.path("data");
                float[] values = new float[data.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) data.get(i).asDouble();
                }
                return values;
            }
        }
        throw new IllegalStateException("the REST answer has no '" + InferRequests.PROBABILITIES + "' output: " + body);
    }

    private static double compare(String what, float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalStateException(what + " answered " + actual.length + " probabilities, the engine "
                    + expected.length);
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        if (worst > TOLERANCE) {
            throw new IllegalStateException(what + " differs from the engine by up to " + worst
                    + ": the served model is not the one the engine baseline runs");
        }
        return worst;
    }
}
