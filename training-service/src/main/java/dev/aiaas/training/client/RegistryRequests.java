package dev.aiaas.training.client;

import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Signature;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.common.v1.TensorSpec;
import dev.aiaas.proto.registry.v1.CreateModelVersionRequest;
import dev.aiaas.proto.registry.v1.Lineage;
import dev.aiaas.training.model.ModelRegistration;
import dev.aiaas.training.model.StoredFile;

/** Maps training's registration record onto the registry's wire messages. */
final class RegistryRequests {

    private RegistryRequests() {
    }

    static CreateModelVersionRequest createVersion(ModelRegistration r) {
        ModelRegistration.Lineage lineage = r.lineage();
        return CreateModelVersionRequest.newBuilder()
                .setModelName(r.modelName())
                .setFamily(r.family())
                .setDescription(r.description())
                .putAllMetrics(r.metrics())
                .setLineage(Lineage.newBuilder().setDataset(lineage.dataset())
                        .setDatasetVersion(lineage.datasetVersion()).setPipeline(lineage.pipeline())
                        .setTrainingJobId(lineage.jobId()).setCodeVersion(lineage.codeVersion()))
                .setSignature(Signature.newBuilder()
                        .addAllInputs(r.inputs().stream().map(RegistryRequests::tensor).toList())
                        .addAllOutputs(r.outputs().stream().map(RegistryRequests::tensor).toList())
                        .setTask(task(r.task())))
                .addAllArtifacts(r.artifacts().stream().map(RegistryRequests::artifact).toList())
                .build();
    }

    private static Task task(LabelTask task) {
        return switch (task) {
            case CLASSIFICATION -> Task.CLASSIFICATION;
            case REGRESSION -> Task.REGRESSION;
            case ANOMALY -> Task.ANOMALY;
            case RECOMMENDATION -> Task.RECOMMENDATION;
        };
    }

    private static TensorSpec tensor(ModelRegistration.Tensor t) {
        return TensorSpec.newBuilder().setName(t.name()).setDatatype(t.datatype()).addAllShape(t.shape()).build();
    }

    private static ArtifactRef artifact(StoredFile f) {
        return ArtifactRef.newBuilder().setRole(f.role()).setKey(f.key()).setSha256(f.sha256())
                .setSizeBytes(f.sizeBytes()).build();
    }
}
