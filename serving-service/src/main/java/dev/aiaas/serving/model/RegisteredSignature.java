package dev.aiaas.serving.model;

import dev.aiaas.ml.transform.LabelTask;
import java.util.List;
import java.util.Optional;

/**
 * The signature the registry holds for a version: the tensors it takes and answers, in the
 * model's order, and the task when one was said. Training records it for the networks it made;
 * for a model uploaded from elsewhere (TorchScript, ONNX) it is the uploader's word, and the only
 * description serving has of the file.
 */
public record RegisteredSignature(List<TensorSpec> inputs, List<TensorSpec> outputs, Optional<LabelTask> task) {

    /** A version registered without a signature. */
    public static final RegisteredSignature NONE = new RegisteredSignature(List.of(), List.of(), Optional.empty());

    public RegisteredSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
