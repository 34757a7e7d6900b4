package dev.aiaas.training.model;

import dev.aiaas.ml.transform.LabelTask;
import java.util.List;
import java.util.Map;

/**
 * A new model version as training registers it.
 *
 * @param family    the model family, e.g. {@code MLP}
 * @param metrics   test-split evaluation
 * @param inputs    the model's input tensors
 * @param outputs   the model's output tensors
 * @param artifacts every stored file of the model, with its SHA-256
 * @param task      what it predicts: classes, numbers, or whether a row is normal
 */
public record ModelRegistration(String modelName, String family, String description, Map<String, Double> metrics,
        Lineage lineage, List<Tensor> inputs, List<Tensor> outputs, List<StoredFile> artifacts, LabelTask task) {

    /** Where the version came from. */
    public record Lineage(String dataset, long datasetVersion, String pipeline, String jobId, String codeVersion) {
    }

    /** A named tensor; {@code -1} marks the batch dimension. */
    public record Tensor(String name, String datatype, List<Long> shape) {
    }
}
