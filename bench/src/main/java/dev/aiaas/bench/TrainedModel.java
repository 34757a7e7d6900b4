package dev.aiaas.bench;

import dev.aiaas.proto.common.v1.ArtifactRef;
import java.util.List;

/**
 * A model trained for the benchmark, its artifacts in the stack's object store, and the
 * model-ready held-out rows that every case sends.
 *
 * @param artifacts  {@code model-spec}, {@code transform}, {@code parameters} and {@code profile}, with SHA-256
 * @param samples    {@code sampleRows × inputSize} model-ready values
 */
record TrainedModel(ModelKind kind, List<ArtifactRef> artifacts, float[] samples, int sampleRows) {

    ArtifactRef artifact(String role) {
        return artifacts.stream().filter(a -> a.getRole().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalStateException(kind.id() + " has no '" + role + "' artifact"));
    }

    /** {@code rows} rows, model-ready, taken in turn from the held-out samples. */
    float[] batch(int rows) {
        return InferRequests.batch(samples, sampleRows, kind.spec().inputSize(), rows);
    }
}
