package dev.aiaas.serving.protocol;

import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import dev.aiaas.serving.model.ModelSignature;
import java.util.List;

/**
 * Which outputs a request asked for: all of its model's when it names none. A classifier
 * answers {@value ModelSignature#PROBABILITIES}, {@value ModelSignature#PREDICTED_CLASS} and
 * {@value ModelSignature#PREDICTED_LABEL}; its classification extension is asked for with
 * {@code parameters.classification = k} on {@value ModelSignature#PROBABILITIES}: that output
 * then comes back as BYTES [batch, k], the k most probable classes of each row as
 * {@code "probability:index:label"}. A regression model answers
 * {@value ModelSignature#PREDICTIONS} only; a classifier's output or the classification
 * extension asked of it is refused, saying what to ask for instead.
 *
 * @param classification top-k for the classification extension, 0 when not asked
 */
record OutputSelection(boolean probabilities, boolean predictedClass, boolean predictedLabel, boolean predictions,
        int classification) {

    private static final String CLASSIFICATION = "classification";
    private static final String PREDICTS_NUMBERS = "this model predicts numbers (regression): ask for '"
            + ModelSignature.PREDICTIONS + "'";

    static OutputSelection of(ModelInferRequest request, ModelSignature signature) {
        return signature.classifier() ? classifier(request.getOutputsList(), signature)
                : regression(request.getOutputsList(), signature);
    }

    private static OutputSelection classifier(List<InferRequestedOutputTensor> outputs, ModelSignature signature) {
        if (outputs.isEmpty()) {
            return new OutputSelection(true, true, true, false, 0);
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
                case ModelSignature.PREDICTIONS -> throw DomainException.invalid("output '" + output.getName()
                        + "' is a regression model's; this model predicts classes: ask for " + named(signature));
                default -> throw notAnOutput(output, signature);
            }
            if (!ModelSignature.PROBABILITIES.equals(output.getName()) && output.containsParameters(CLASSIFICATION)) {
                throw DomainException.invalid("classification applies to output '" + ModelSignature.PROBABILITIES
                        + "', not '" + output.getName() + "'");
            }
        }
        return new OutputSelection(probabilities, predictedClass, predictedLabel, false, classification);
    }

    private static OutputSelection regression(List<InferRequestedOutputTensor> outputs, ModelSignature signature) {
        for (InferRequestedOutputTensor output : outputs) {
            if (ModelSignature.CLASSIFIER_OUTPUTS.contains(output.getName())) {
                throw DomainException.invalid("output '" + output.getName() + "' is a classifier's; "
                        + PREDICTS_NUMBERS);
            }
            if (!ModelSignature.PREDICTIONS.equals(output.getName())) {
                throw notAnOutput(output, signature);
            }
            if (output.containsParameters(CLASSIFICATION)) {
                throw DomainException.invalid("parameters.classification ranks a classifier's classes; "
                        + PREDICTS_NUMBERS + " without it");
            }
        }
        return new OutputSelection(false, false, false, true, 0);
    }

    private static RuntimeException notAnOutput(InferRequestedOutputTensor output, ModelSignature signature) {
        return DomainException.invalid("output '" + output.getName() + "' is not an output of this model: ask for "
                + named(signature));
    }

    private static List<String> named(ModelSignature signature) {
        return signature.outputNames().stream().sorted().toList();
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
