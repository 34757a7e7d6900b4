package dev.aiaas.registry.model;

import java.util.List;
import java.util.Map;

/**
 * A model file made elsewhere, as the client announces it before sending its bytes: what it is,
 * what it takes and answers, and the size and digest its bytes must have.
 *
 * @param inputs        the tensors the model takes, in its order
 * @param outputs       the tensors it answers, in its order
 * @param signatureJson the whole signature (inputs, outputs, task) as it is stored on the version
 * @param sha256        lower-case hex SHA-256 of the whole file
 * @param sizeBytes     length of the whole file
 */
public record ModelFile(
        String modelName,
        ModelFormat format,
        List<TensorSpec> inputs,
        List<TensorSpec> outputs,
        String signatureJson,
        String sha256,
        long sizeBytes,
        String description,
        Map<String, Double> metrics,
        Map<String, String> tags) {

    public ModelFile {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        metrics = Map.copyOf(metrics);
        tags = Map.copyOf(tags);
    }
}
