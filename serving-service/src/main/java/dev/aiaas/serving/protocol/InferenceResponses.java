package dev.aiaas.serving.protocol;

import com.google.protobuf.ByteString;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelInferResponse.InferOutputTensor;
import dev.aiaas.serving.model.InferenceOutcome;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a model's answer as the protocol's outputs: {@value #PROBABILITIES} (FP32
 * [batch, classes]) and {@value #PREDICTED_CLASS} (INT64 [batch]); only those the request
 * asked for when it names outputs; as raw contents when the request sent raw contents.
 */
public final class InferenceResponses {

    public static final String PROBABILITIES = "probabilities";
    public static final String PREDICTED_CLASS = "predicted_class";

    private InferenceResponses() {
    }

    public static ModelInferResponse encode(ModelInferRequest request, InferenceOutcome outcome) {
        Set<String> wanted = request.getOutputsList().stream()
                .map(ModelInferRequest.InferRequestedOutputTensor::getName).collect(Collectors.toSet());
        boolean raw = request.getRawInputContentsCount() > 0;
        ModelInferResponse.Builder response = ModelInferResponse.newBuilder()
                .setModelName(request.getModelName())
                .setModelVersion(Long.toString(outcome.version()))
                .setId(request.getId());
        if (wanted.isEmpty() || wanted.contains(PROBABILITIES)) {
            InferOutputTensor.Builder tensor = InferOutputTensor.newBuilder().setName(PROBABILITIES).setDatatype("FP32")
                    .addShape(outcome.rows()).addShape(outcome.classes());
            if (raw) {
                ByteBuffer bytes = ByteBuffer.allocate(outcome.probabilities().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float p : outcome.probabilities()) {
                    bytes.putFloat(p);
                }
                response.addOutputs(tensor).addRawOutputContents(ByteString.copyFrom(bytes.array()));
            } else {
                InferTensorContents.Builder contents = InferTensorContents.newBuilder();
                for (float p : outcome.probabilities()) {
                    contents.addFp32Contents(p);
                }
                response.addOutputs(tensor.setContents(contents));
            }
        }
        if (wanted.isEmpty() || wanted.contains(PREDICTED_CLASS)) {
            InferOutputTensor.Builder tensor = InferOutputTensor.newBuilder().setName(PREDICTED_CLASS)
                    .setDatatype("INT64").addShape(outcome.rows());
            if (raw) {
                ByteBuffer bytes = ByteBuffer.allocate(outcome.rows() * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (int c : outcome.predictedClasses()) {
                    bytes.putLong(c);
                }
                response.addOutputs(tensor).addRawOutputContents(ByteString.copyFrom(bytes.array()));
            } else {
                InferTensorContents.Builder contents = InferTensorContents.newBuilder();
                for (int c : outcome.predictedClasses()) {
                    contents.addInt64Contents(c);
                }
                response.addOutputs(tensor.setContents(contents));
            }
        }
        return response.build();
    }
}
