package dev.aiaas.serving.client;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.proto.common.v1.Signature;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.model.ArtifactFile;
import dev.aiaas.serving.model.Binding;
import dev.aiaas.serving.model.RegisteredSignature;
import dev.aiaas.serving.model.TensorSpec;
import dev.aiaas.serving.model.VersionToServe;
import dev.aiaas.security.quarkus.ProjectScope;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Serving's view of the registry: which version a binding means now, with its artifacts and
 * signature. Owns the deadline, the
 * project the registry answers from, and turns the registry's statuses into serving's errors.
 */
@ApplicationScoped
public class RegistryClient {

    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Inject
    ServingConfig config;

    /**
     * The version {@code binding} names in {@code project}'s registry. The call is made within
     * the project ({@link ProjectScope#within}, carried in the {@code aiaas-project} header), so
     * the registry answers from that project only, whoever asks: a Deploy call, the reconcile
     * loop, or a registry event.
     */
    public VersionToServe resolve(String project, Binding binding) {
        return ProjectScope.within(project, () -> ask(project, binding));
    }

    private VersionToServe ask(String project, Binding binding) {
        GetModelVersionRequest.Builder request = GetModelVersionRequest.newBuilder().setModelName(binding.modelName());
        if (binding.followsAlias()) {
            request.setAlias(binding.alias());
        } else {
            request.setVersion(binding.version());
        }
        try {
            ModelVersion version = registry.withDeadlineAfter(config.registryTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .getModelVersion(request.build());
            return new VersionToServe(project, version.getModelName(), version.getVersion(), version.getFamily(),
                    version.getArtifactsList().stream()
                            .map(a -> new ArtifactFile(a.getRole(), a.getKey(), a.getSha256())).toList(),
                    signature(version.getSignature()));
        } catch (StatusRuntimeException e) {
            throw switch (e.getStatus().getCode()) {
                case NOT_FOUND -> DomainException.notFound("the registry has no " + binding + ": "
                        + e.getStatus().getDescription());
                case INVALID_ARGUMENT -> DomainException.invalid(String.valueOf(e.getStatus().getDescription()));
                default -> DomainException.unavailable("the registry did not answer for " + binding + " ("
                        + e.getStatus().getCode() + "); retry shortly", e);
            };
        }
    }

    private static RegisteredSignature signature(Signature signature) {
        Optional<LabelTask> task = switch (signature.getTask()) {
            case CLASSIFICATION -> Optional.of(LabelTask.CLASSIFICATION);
            case REGRESSION -> Optional.of(LabelTask.REGRESSION);
            case ANOMALY -> Optional.of(LabelTask.ANOMALY);
            case RECOMMENDATION -> Optional.of(LabelTask.RECOMMENDATION);
            case TASK_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
        return new RegisteredSignature(tensors(signature.getInputsList()), tensors(signature.getOutputsList()), task);
    }

    private static List<TensorSpec> tensors(List<dev.aiaas.proto.common.v1.TensorSpec> specs) {
        return specs.stream().map(t -> new TensorSpec(t.getName(), t.getDatatype(), t.getShapeList())).toList();
    }
}
