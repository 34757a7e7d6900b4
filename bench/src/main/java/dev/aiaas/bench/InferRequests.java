package dev.aiaas.bench;

import com.google.protobuf.ByteString;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The request bodies every case sends, built once per case from the same model-ready rows the
 * engine gets: one input named {@code input}, FP32, shaped {@code [rows, …input shape]}, and
 * only the {@code probabilities} output asked for, which is what
 * {@code LoadedModel.predictProbabilities} returns.
 */
final class InferRequests {

    static final String INPUT = "input";
    static final String PROBABILITIES = "probabilities";

    private InferRequests() {
    }

    /** {@code rows} rows taken in turn from {@code samples} ({@code sampleRows} model-ready rows). */
    static float[] batch(float[] samples, int sampleRows, int width, int rows) {
        float[] batch = new float[rows * width];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(samples, (row % sampleRows) * width, batch, row * width, width);
        }
        return batch;
    }

    /**
     * gRPC ModelInfer with the values in {@code raw_input_contents} (little-endian FP32), the
     * compact form Triton's and KServe's clients send.
     */
    static ModelInferRequest grpc(String endpoint, ModelSpec spec, float[] batch, int rows) {
        ByteBuffer raw = ByteBuffer.allocate(batch.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(batch);
        InferInputTensor.Builder input = InferInputTensor.newBuilder().setName(INPUT).setDatatype("FP32");
        for (long dim : spec.batchShape(rows)) {
            input.addShape(dim);
        }
        return ModelInferRequest.newBuilder()
                .setModelName(endpoint)
                .addInputs(input)
                .addRawInputContents(ByteString.copyFrom(raw.array()))
                .addOutputs(InferRequestedOutputTensor.newBuilder().setName(PROBABILITIES))
                .build();
    }

    /** The REST body: {@code {"inputs":[{"name":"input","shape":[…],"datatype":"FP32","data":[…]}],"outputs":[…]}}. */
    static byte[] json(ModelSpec spec, float[] batch, int rows) {
        StringBuilder body = new StringBuilder(batch.length * 8 + 160);
        body.append("{\"inputs\":[{\"name\":\"").append(INPUT).append("\",\"shape\":[");
        long[] shape = spec.batchShape(rows);
        for (int i = 0; i < shape.length; i++) {
            body.append(i == 0 ? "" : ",").append(shape[i]);
        }
        body.append("],\"datatype\":\"FP32\",\"data\":[");
        for (int i = 0; i < batch.length; i++) {
            if (i > 0) {
                body.append(',');
            }
            float value = batch[i];
            if (value == 0f) {
                body.append('0');
            } else {
                body.append(value);
            }
        }
        body.append("]}],\"outputs\":[{\"name\":\"").append(PROBABILITIES).append("\"}]}");
        return body.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
