package dev.aiaas.registry;

import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Signature;
import dev.aiaas.proto.common.v1.TensorSpec;
import dev.aiaas.proto.registry.v1.CreateModelVersionRequest;
import dev.aiaas.proto.registry.v1.Lineage;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import java.util.UUID;

/** Requests the registry's tests send: a trained version as the training service registers it, an alias move. */
final class RegistryRequests {

    static final String SHA = "a".repeat(64);

    private RegistryRequests() {
    }

    static CreateModelVersionRequest version(String model, double accuracy) {
        return version(model, accuracy, "job-" + UUID.randomUUID());
    }

    static CreateModelVersionRequest version(String model, double accuracy, String trainingJob) {
        return CreateModelVersionRequest.newBuilder()
                .setModelName(model)
                .setFamily("MLP")
                .putMetrics("accuracy", accuracy)
                .setSignature(Signature.newBuilder()
                        .addInputs(TensorSpec.newBuilder().setName("input").setDatatype("FP32").addShape(-1).addShape(4))
                        .addOutputs(TensorSpec.newBuilder().setName("probabilities").setDatatype("FP32").addShape(-1).addShape(3)))
                .setLineage(Lineage.newBuilder().setDataset("iris").setDatasetVersion(3).setPipeline("default")
                        .setTrainingJobId(trainingJob))
                .addArtifacts(ArtifactRef.newBuilder().setRole("parameters").setKey("models/" + model + "/p.params")
                        .setSha256(SHA).setSizeBytes(1234))
                .build();
    }

    static SetAliasRequest alias(String model, String alias, long version) {
        return SetAliasRequest.newBuilder().setModelName(model).setAlias(alias).setVersion(version).build();
    }

    /** A model name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
