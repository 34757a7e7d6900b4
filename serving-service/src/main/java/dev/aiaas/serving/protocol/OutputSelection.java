package dev.aiaas.serving.protocol;

import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import dev.aiaas.serving.model.ModelSignature;
import java.util.List;

/**
 * Which outputs a request asked for: all of them when it names none. The classification
 * extension is asked for with {@code parameters.classification = k} on
 * {@value ModelSignature#PROBABILITIES}: that output then comes back as BYTES [batch, k],
 * the k most probable classes of each row as {@code "probability:index:label"}.
 *
 * @param classification top-k for the classification extension, 0 when not asked
 */
record OutputSelection(boolean probabilities, boolean predictedClass, boolean predictedLabel, int classification) {

    private static final String CLASSIFICATION = "classification";

    static OutputSelection of(ModelInferRequest request, ModelSignature signature) {
        List<InferRequestedOutputTensor> outputs = request.getOutputsList();
        if (outputs.isEmpty()) {
            return new OutputSelection(true, true, true, 0);
        }
        boolean probabilities = false;
        boolean predictedClass = false;
        boolean predictedLabel = false;
        int classification = 0;
        for (InferRequestedOutputTensor output : outputs) {
            switch (output.getName()) {
                case ModelSignature.PROBABILITIES -> {
                    probabilities = true;
                    classification = topK(output, signature);
                }
                case ModelSignature.PREDICTED_CLASS -> predictedClass = true;
                case ModelSignature.PREDICTED_LABEL -> predictedLabel = true;
                default -> throw DomainException.invalid("output '" + output.getName()
                        + "' is not an output of this model: ask for " + ModelSignature.OUTPUTS.stream().sorted().toList());
            }
            if (!ModelSignature.PROBABILITIES.equals(output.getName()) && output.containsParameters(CLASSIFICATION)) {
                throw DomainException.invalid("classification applies to output '" + ModelSignature.PROBABILITIES
                        + "', not '" + output.getName() + "'");
            }
        }
        return new OutputSelection(probabilities, predictedClass, predictedLabel, classification);
    }

    private static int topK(InferRequestedOutputTensor output, ModelSignature signature) {
        InferParameter parameter = output.getParametersOrDefault(CLASSIFICATION, null);
        if (parameter == null) {
            return 0;
        }
        long k = switch (parameter.getParameterChoiceCase()) {
            case INT64_PARAM -> parameter.getInt64Param();
            case UINT64_PARAM -> parameter.getUint64Param();
            default -> -1;
        };
        if (k < 1 || k > signature.outputs()) {
            throw DomainException.invalid("parameters.classification of output '" + output.getName() + "' must be an "
                    + "integer from 1 to " + signature.outputs() + " (the model's classes)");
        }
        return (int) k;
    }
}
