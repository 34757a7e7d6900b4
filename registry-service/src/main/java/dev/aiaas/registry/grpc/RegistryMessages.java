package dev.aiaas.registry.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Signature;
import dev.aiaas.proto.registry.v1.Alias;
import dev.aiaas.proto.registry.v1.CreateModelVersionRequest;
import dev.aiaas.proto.registry.v1.UploadHeader;
import dev.aiaas.registry.model.AliasChange;
import dev.aiaas.registry.model.ArtifactEntry;
import dev.aiaas.registry.model.Lineage;
import dev.aiaas.registry.model.ModelFile;
import dev.aiaas.registry.model.ModelFormat;
import dev.aiaas.registry.model.ModelVersion;
import dev.aiaas.registry.model.NewModelVersion;
import dev.aiaas.registry.model.RegisteredModel;
import dev.aiaas.registry.model.TensorSpec;
import java.time.Instant;
import java.util.List;

/** Maps between the registry's wire messages and its domain records. */
final class RegistryMessages {

    private RegistryMessages() {
    }

    static NewModelVersion toDomain(CreateModelVersionRequest request) {
        dev.aiaas.proto.registry.v1.Lineage lineage = request.getLineage();
        return new NewModelVersion(
                request.getModelName(),
                request.getFamily(),
                request.getDescription(),
                request.getTagsMap(),
                toJson(request.getSignature()),
                request.getMetricsMap(),
                new Lineage(lineage.getDataset(), lineage.getDatasetVersion(), lineage.getPipeline(),
                        lineage.getTrainingJobId(), lineage.getCodeVersion()),
                request.getArtifactsList().stream()
                        .map(a -> new ArtifactEntry(a.getRole(), a.getKey(), a.getSha256(), a.getSizeBytes()))
                        .toList());
    }

    static ModelFile toDomain(UploadHeader header) {
        Signature signature = header.getSignature();
        return new ModelFile(
                header.getModelName(),
                toDomain(header.getFormat()),
                tensors(signature.getInputsList()),
                tensors(signature.getOutputsList()),
                toJson(signature),
                header.getSha256(),
                header.getSizeBytes(),
                header.getDescription(),
                header.getMetricsMap(),
                header.getTagsMap());
    }

    private static ModelFormat toDomain(dev.aiaas.proto.registry.v1.ModelFormat format) {
        return switch (format) {
            case TORCHSCRIPT -> ModelFormat.TORCHSCRIPT;
            case ONNX -> ModelFormat.ONNX;
            case MODEL_FORMAT_UNSPECIFIED, UNRECOGNIZED -> throw DomainException.invalid(
                    "the header names no format: say TORCHSCRIPT (a torch.jit.save file) or ONNX");
        };
    }

    private static List<TensorSpec> tensors(List<dev.aiaas.proto.common.v1.TensorSpec> tensors) {
        return tensors.stream().map(t -> new TensorSpec(t.getName(), t.getDatatype(), t.getShapeList())).toList();
    }

    static dev.aiaas.proto.registry.v1.ModelVersion toProto(ModelVersion version) {
        Lineage lineage = version.lineage();
        return dev.aiaas.proto.registry.v1.ModelVersion.newBuilder()
                .setModelName(version.modelName())
                .setVersion(version.version())
                .setFamily(version.family())
                .setDescription(version.description())
                .putAllTags(version.tags())
                .setSignature(fromJson(version.signatureJson()))
                .putAllMetrics(version.metrics())
                .setLineage(dev.aiaas.proto.registry.v1.Lineage.newBuilder()
                        .setDataset(lineage.dataset())
                        .setDatasetVersion(lineage.datasetVersion())
                        .setPipeline(lineage.pipeline())
                        .setTrainingJobId(lineage.trainingJobId())
                        .setCodeVersion(lineage.codeVersion()))
                .addAllArtifacts(version.artifacts().stream()
                        .map(a -> ArtifactRef.newBuilder().setRole(a.role()).setKey(a.key())
                                .setSha256(a.sha256()).setSizeBytes(a.sizeBytes()).build())
                        .toList())
                .addAllAliases(version.aliases())
                .setCreatedAt(timestamp(version.createdAt()))
                .build();
    }

    static dev.aiaas.proto.registry.v1.RegisteredModel toProto(RegisteredModel model) {
        return dev.aiaas.proto.registry.v1.RegisteredModel.newBuilder()
                .setName(model.name())
                .setDescription(model.description())
                .putAllTags(model.tags())
                .putAllAliases(model.aliases())
                .setLatestVersion(model.latestVersion())
                .setCreatedAt(timestamp(model.createdAt()))
                .build();
    }

    static Alias alias(String model, String alias, long version, long previous) {
        return Alias.newBuilder().setModelName(model).setAlias(alias).setVersion(version)
                .setPreviousVersion(previous).build();
    }

    static dev.aiaas.proto.registry.v1.AliasChange toProto(AliasChange change) {
        return dev.aiaas.proto.registry.v1.AliasChange.newBuilder()
                .setAlias(change.alias())
                .setVersion(change.version())
                .setPreviousVersion(change.previousVersion())
                .setChangedAt(timestamp(change.changedAt()))
                .setMovedBy(change.movedBy())
                .build();
    }

    private static String toJson(Signature signature) {
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(signature);
        } catch (InvalidProtocolBufferException e) {
            throw DomainException.invalid("the signature cannot be stored: " + e.getMessage());
        }
    }

    private static Signature fromJson(String json) {
        Signature.Builder signature = Signature.newBuilder();
        try {
            JsonFormat.parser().merge(json, signature);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored signature is not valid JSON", e);
        }
        return signature.build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
