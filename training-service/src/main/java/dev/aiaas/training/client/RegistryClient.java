package dev.aiaas.training.client;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.security.quarkus.ProjectScope;
import dev.aiaas.training.model.ModelRegistration;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Training's only way to the model registry. Every call carries the configured deadline and
 * is retried while the registry is unavailable or slow ({@link RegistryCalls}); a call that
 * still fails becomes a {@link DomainException} that says what to do. Every call is made for the
 * project of the job it registers ({@link ProjectScope#within}), so the registry keeps the model
 * in that project: the call carries it in the {@code aiaas-project} header.
 */
@ApplicationScoped
public class RegistryClient {

    @Inject
    RegistryCalls calls;

    /** Registers a new version of the model in {@code project} and returns its number. */
    public long createVersion(String project, ModelRegistration registration) {
        return call(project, "register a version of " + registration.modelName(),
                () -> calls.createModelVersion(RegistryRequests.createVersion(registration))).getVersion();
    }

    /** Points {@code alias} of the model of {@code project} at {@code version}. */
    public void setAlias(String project, String modelName, String alias, long version) {
        call(project, "point alias '" + alias + "' of " + modelName + " at version " + version,
                () -> {
                    calls.setAlias(SetAliasRequest.newBuilder()
                            .setModelName(modelName).setAlias(alias).setVersion(version).build());
                    return null;
                });
    }

    private static <T> T call(String project, String what, Supplier<T> call) {
        try {
            return ProjectScope.within(project, call);
        } catch (StatusRuntimeException e) {
            throw translate(what, e.getStatus(), e);
        }
    }

    static DomainException translate(String what, Status status, Throwable cause) {
        String description = status.getDescription() == null ? "" : ": " + status.getDescription();
        return switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED -> DomainException.unavailable("the model registry "
                    + "did not answer when asked to " + what + ", retries included (" + status.getCode() + description
                    + "): check that registry-service is up at quarkus.grpc.clients.registry, then submit the job again",
                    cause);
            case INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, ALREADY_EXISTS -> new DomainException(
                    ErrorKind.FAILED_PRECONDITION, "the model registry refused to " + what + " ("
                    + status.getCode() + description + "): fix the job's model name or alias and submit it again", cause);
            default -> DomainException.unavailable("the model registry failed to " + what + " (" + status.getCode()
                    + description + "): submit the job again; if it fails the same way, check registry-service's log",
                    cause);
        };
    }
}
