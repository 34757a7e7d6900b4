package dev.aiaas.serving.protocol;

import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import dev.aiaas.serving.model.ModelSignature;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which outputs a request asked for: all of its model's when it names none. A classifier
 * answers {@value ModelSignature#PROBABILITIES}, {@value ModelSignature#PREDICTED_CLASS} and
 * {@value ModelSignature#PREDICTED_LABEL}; its classification extension is asked for with
 * {@code parameters.classification = k} on {@value ModelSignature#PROBABILITIES}: that output
 * then comes back as BYTES [batch, k], the k most probable classes of each row as
 * {@code "probability:index:label"}. A regression model answers
 * {@value ModelSignature#PREDICTIONS} only; an anomaly detector
 * {@value ModelSignature#ANOMALY_SCORE} and {@value ModelSignature#IS_ANOMALY}; a recommender
 * {@value ModelSignature#ITEMS} and {@value ModelSignature#SCORES}; an uploaded model the outputs
 * its signature names (and no classification extension: no class labels are known). Another task's
 * output, or the classification extension asked of a model that is not a classifier, is refused
 * saying what to ask for instead.
 *
 * @param names          the outputs to answer, all of them the model's own
 * @param classification top-k for the classification extension, 0 when not asked
 */
record OutputSelection(Set<String> names, int classification) {

    private static final String CLASSIFICATION = "classification";

    OutputSelection {
        names = Set.copyOf(names);
    }

    /** Whether {@code output} is to be answered. */
    boolean wants(String output) {
        return names.contains(output);
    }

    static OutputSelection of(ModelInferRequest request, ModelSignature signature) {
        List<InferRequestedOutputTensor> outputs = request.getOutputsList();
        if (outputs.isEmpty()) {
            return new OutputSelection(Set.copyOf(signature.outputNames()), 0);
        }
        Set<String> names = new HashSet<>();
        int classification = 0;
        for (InferRequestedOutputTensor output : outputs) {
            String name = output.getName();
            if (!signature.outputNames().contains(name)) {
                throw DomainException.invalid(someTasksOutput(name) ? "output '" + name + "' is " + owner(name) + "; "
                        + whatToAskFor(signature) : "output '" + name + "' is not an output of this model: ask for "
                        + named(signature));
            }
            if (output.containsParameters(CLASSIFICATION)) {
                if (signature.uploaded()) {
                    throw DomainException.invalid("parameters.classification ranks the classes of a classifier "
                            + "trained here; this uploaded model has no class labels: ask for " + named(signature)
                            + " without it");
                }
                if (!signature.classifier()) {
                    throw DomainException.invalid("parameters.classification ranks a classifier's classes; "
                            + whatToAskFor(signature) + " without it");
                }
                if (!ModelSignature.PROBABILITIES.equals(name)) {
                    throw DomainException.invalid("classification applies to output '"
                            + ModelSignature.PROBABILITIES + "', not '" + name + "'");
                }
                classification = topK(output, signature);
            }
            names.add(name);
        }
        return new OutputSelection(names, classification);
    }

    /** Whether {@code name} is the output of some task (another than the model's, when the model lacks it). */
    private static boolean someTasksOutput(String name) {
        return ModelSignature.CLASSIFIER_OUTPUTS.contains(name) || ModelSignature.REGRESSION_OUTPUTS.contains(name)
                || ModelSignature.ANOMALY_OUTPUTS.contains(name) || ModelSignature.RECOMMENDER_OUTPUTS.contains(name);
    }

    private static String owner(String name) {
        if (ModelSignature.CLASSIFIER_OUTPUTS.contains(name)) {
            return "a classifier's";
        }
        if (ModelSignature.RECOMMENDER_OUTPUTS.contains(name)) {
            return "a recommender's";
        }
        return ModelSignature.REGRESSION_OUTPUTS.contains(name) ? "a regression model's" : "an anomaly detector's";
    }

    /** What the model does and which outputs to ask it for. */
    private static String whatToAskFor(ModelSignature signature) {
        if (signature.uploaded()) {
            return "this model answers the outputs it was uploaded with: ask for " + named(signature);
        }
        return switch (signature.task()) {
            case CLASSIFICATION -> "this model predicts classes: ask for " + named(signature);
            case REGRESSION -> "this model predicts numbers (regression): ask for '" + ModelSignature.PREDICTIONS
                    + "'";
            case ANOMALY -> "this model detects anomalies: ask for '" + ModelSignature.ANOMALY_SCORE + "' or '"
                    + ModelSignature.IS_ANOMALY + "'";
            case RECOMMENDATION -> "this model recommends items for users: ask for '" + ModelSignature.ITEMS
                    + "' or '" + ModelSignature.SCORES + "'";
        };
    }

    private static List<String> named(ModelSignature signature) {
        return signature.outputNames().stream().sorted().toList();
    }

    private static int topK(InferRequestedOutputTensor output, ModelSignature signature) {
        InferParameter parameter = output.getParametersOrDefault(CLASSIFICATION, null);
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
