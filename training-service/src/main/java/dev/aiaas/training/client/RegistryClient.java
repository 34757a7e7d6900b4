package dev.aiaas.training.client;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.training.config.TrainingConfig;
import dev.aiaas.training.model.ModelRegistration;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Training's only way to the model registry. Every call carries the configured deadline; a
 * failed call becomes a {@link DomainException} that says what to do. No retries:
 * CreateModelVersion adds a version on every call, so a retry after a lost answer would
 * register the model twice; the job fails instead and can be submitted again.
 */
@ApplicationScoped
public class RegistryClient {

    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Inject
    TrainingConfig config;

    /** Registers a new version of the model and returns its number. */
    public long createVersion(ModelRegistration registration) {
        return call("register a version of " + registration.modelName(),
                () -> stub().createModelVersion(RegistryRequests.createVersion(registration))).getVersion();
    }

    /** Points {@code alias} of the model at {@code version}. */
    public void setAlias(String modelName, String alias, long version) {
        call("point alias '" + alias + "' of " + modelName + " at version " + version,
                () -> stub().setAlias(SetAliasRequest.newBuilder()
                        .setModelName(modelName).setAlias(alias).setVersion(version).build()));
    }

    private RegistryServiceBlockingStub stub() {
        return registry.withDeadlineAfter(config.registry().deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw translate(what, e.getStatus(), e);
        }
    }

    static DomainException translate(String what, Status status, Throwable cause) {
        String description = status.getDescription() == null ? "" : ": " + status.getDescription();
        return switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED -> DomainException.unavailable("the model registry "
                    + "did not answer when asked to " + what + " (" + status.getCode() + description + "): check that "
                    + "registry-service is up at quarkus.grpc.clients.registry, then submit the job again", cause);
            case INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, ALREADY_EXISTS -> new DomainException(
                    ErrorKind.FAILED_PRECONDITION, "the model registry refused to " + what + " ("
                    + status.getCode() + description + "): fix the job's model name or alias and submit it again", cause);
            default -> DomainException.unavailable("the model registry failed to " + what + " (" + status.getCode()
                    + description + "): submit the job again; if it fails the same way, check registry-service's log",
                    cause);
        };
    }
}
