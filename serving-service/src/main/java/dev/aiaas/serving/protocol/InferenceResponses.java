package dev.aiaas.serving.protocol;

import com.google.protobuf.ByteString;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelInferResponse.InferOutputTensor;
import dev.aiaas.serving.model.InferenceOutcome;
import dev.aiaas.serving.model.ModelSignature;
import dev.aiaas.serving.model.OutputTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a model's answer as the protocol's outputs. A classifier's:
 * {@value ModelSignature#PROBABILITIES} (FP32 [batch, classes], or the classification
 * extension's top-k as BYTES), {@value ModelSignature#PREDICTED_CLASS} (INT64 [batch]) and
 * {@value ModelSignature#PREDICTED_LABEL} (BYTES [batch], the class's label name); a regression
 * model's: {@value ModelSignature#PREDICTIONS} (FP32 [batch, outputs], the values in the
 * target's units, as float32 since that is what the model computes); an anomaly detector's:
 * {@value ModelSignature#ANOMALY_SCORE} (FP32 [batch]) and {@value ModelSignature#IS_ANOMALY}
 * (BOOL [batch], one byte per value as raw contents); a recommender's: {@value ModelSignature#ITEMS}
 * (BYTES [batch, k], item ids best first) and {@value ModelSignature#SCORES} (FP32 [batch, k]),
 * k being the same for every row; an uploaded model's: each output its signature names, FP32 as
 * computed (the batch first). Only those the request
 * asked for when it names outputs; as raw contents when the request sent raw contents. The
 * answer carries the request's id: the client's, or the one serving made for it, so ground truth
 * can name the prediction it is for.
 */
public final class InferenceResponses {

    private InferenceResponses() {
    }

    public static ModelInferResponse encode(ModelInferRequest request, String requestId, InferenceOutcome outcome,
            ModelSignature signature) {
        OutputSelection wanted = OutputSelection.of(request, signature);
        Writer writer = new Writer(request.getRawInputContentsCount() > 0, ModelInferResponse.newBuilder()
                .setModelName(request.getModelName())
                .setModelVersion(Long.toString(outcome.version()))
                .setId(requestId));
        if (signature.uploaded()) {
            for (OutputTensor tensor : outcome.tensors()) {
                if (wanted.wants(tensor.name())) {
                    writer.floats(tensor.name(), tensor.values(),
                            tensor.shape().stream().mapToLong(Long::longValue).toArray());
                }
            }
            return writer.response.build();
        }
        if (wanted.wants(ModelSignature.PREDICTIONS)) {
            writer.floats(ModelSignature.PREDICTIONS, outcome.outputs(), outcome.rows(), outcome.width());
        }
        if (wanted.wants(ModelSignature.PROBABILITIES) && wanted.classification() > 0) {
            writer.bytes(ModelSignature.PROBABILITIES, topK(outcome, signature, wanted.classification()),
                    outcome.rows(), wanted.classification());
        } else if (wanted.wants(ModelSignature.PROBABILITIES)) {
            writer.floats(ModelSignature.PROBABILITIES, outcome.outputs(), outcome.rows(), outcome.width());
        }
        if (wanted.wants(ModelSignature.PREDICTED_CLASS)) {
            writer.longs(ModelSignature.PREDICTED_CLASS, outcome.predictedClasses(), outcome.rows());
        }
        if (wanted.wants(ModelSignature.ANOMALY_SCORE)) {
            writer.floats(ModelSignature.ANOMALY_SCORE, outcome.outputs(), outcome.rows());
        }
        if (wanted.wants(ModelSignature.IS_ANOMALY)) {
            writer.bools(ModelSignature.IS_ANOMALY, outcome.anomalies(), outcome.rows());
        }
        if (wanted.wants(ModelSignature.ITEMS)) {
            writer.bytes(ModelSignature.ITEMS, outcome.items(), outcome.rows(), outcome.width());
        }
        if (wanted.wants(ModelSignature.SCORES)) {
            writer.floats(ModelSignature.SCORES, outcome.outputs(), outcome.rows(), outcome.width());
        }
        if (wanted.wants(ModelSignature.PREDICTED_LABEL)) {
            List<String> labels = new ArrayList<>(outcome.rows());
            for (int c : outcome.predictedClasses()) {
                labels.add(signature.label(c));
            }
            writer.bytes(ModelSignature.PREDICTED_LABEL, labels, outcome.rows());
        }
        return writer.response.build();
    }

    /** Each row's k most probable classes, most probable first, as "probability:index:label". */
    private static List<String> topK(InferenceOutcome outcome, ModelSignature signature, int k) {
        List<String> entries = new ArrayList<>(outcome.rows() * k);
        float[] p = outcome.outputs();
        int classes = outcome.width();
        for (int row = 0; row < outcome.rows(); row++) {
            int offset = row * classes;
            boolean[] taken = new boolean[classes];
            for (int rank = 0; rank < k; rank++) {
                int best = -1;
                for (int c = 0; c < classes; c++) {
                    if (!taken[c] && (best < 0 || p[offset + c] > p[offset + best])) {
                        best = c;
                    }
                }
                taken[best] = true;
                entries.add(p[offset + best] + ":" + best + ":" + signature.label(best));
            }
        }
        return entries;
    }

    /** Adds outputs as contents, or as raw contents when the request used them. */
    private record Writer(boolean raw, ModelInferResponse.Builder response) {

        void floats(String name, float[] values, long... shape) {
            InferOutputTensor.Builder tensor = tensor(name, "FP32", shape);
            if (raw) {
                ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(values);
                response.addOutputs(tensor).addRawOutputContents(ByteString.copyFrom(bytes.array()));
                return;
            }
            InferTensorContents.Builder contents = InferTensorContents.newBuilder();
            for (float value : values) {
                contents.addFp32Contents(value);
            }
            response.addOutputs(tensor.setContents(contents));
        }

        void longs(String name, int[] values, long... shape) {
            InferOutputTensor.Builder tensor = tensor(name, "INT64", shape);
            if (raw) {
                ByteBuffer bytes = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (int value : values) {
                    bytes.putLong(value);
                }
                response.addOutputs(tensor).addRawOutputContents(ByteString.copyFrom(bytes.array()));
                return;
            }
            InferTensorContents.Builder contents = InferTensorContents.newBuilder();
            for (int value : values) {
                contents.addInt64Contents(value);
            }
            response.addOutputs(tensor.setContents(contents));
        }

        void bools(String name, boolean[] values, long... shape) {
            InferOutputTensor.Builder tensor = tensor(name, "BOOL", shape);
            if (raw) {
                byte[] bytes = new byte[values.length];
                for (int i = 0; i < values.length; i++) {
                    bytes[i] = (byte) (values[i] ? 1 : 0);
                }
                response.addOutputs(tensor).addRawOutputContents(ByteString.copyFrom(bytes));
                return;
            }
            InferTensorContents.Builder contents = InferTensorContents.newBuilder();
            for (boolean value : values) {
                contents.addBoolContents(value);
            }
            response.addOutputs(tensor.setContents(contents));
        }

        void bytes(String name, List<String> values, long... shape) {
            InferOutputTensor.Builder tensor = tensor(name, "BYTES", shape);
            if (raw) {
                ByteString.Output out = ByteString.newOutput();
                for (String value : values) {
                    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array(), 0, 4);
                    out.write(utf8, 0, utf8.length);
                }
                response.addOutputs(tensor).addRawOutputContents(out.toByteString());
                return;
            }
            InferTensorContents.Builder contents = InferTensorContents.newBuilder();
            for (String value : values) {
                contents.addBytesContents(ByteString.copyFromUtf8(value));
            }
            response.addOutputs(tensor.setContents(contents));
        }

        private static InferOutputTensor.Builder tensor(String name, String datatype, long... shape) {
            InferOutputTensor.Builder tensor = InferOutputTensor.newBuilder().setName(name).setDatatype(datatype);
            for (long dim : shape) {
                tensor.addShape(dim);
            }
            return tensor;
        }
    }
}
