package dev.aiaas.training.client;

import dev.aiaas.proto.registry.v1.CreateModelVersionRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.training.config.TrainingConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The registry calls as such, each retried on UNAVAILABLE and DEADLINE_EXCEEDED with
 * exponential back-off (from 0.5 s, 5 retries, about 15 s in all; MicroProfile Fault
 * Tolerance settings {@code dev.aiaas.training.client.RegistryCalls/<method>/Retry/...}
 * change it). Both calls are safe to repeat: a version is registered once per training job,
 * and pointing an alias at a version twice leaves it there.
 */
@ApplicationScoped
public class RegistryCalls {

    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Inject
    TrainingConfig config;

    @Retry(maxRetries = 5, delay = 500, maxDuration = 60_000, jitter = 100)
    @ExponentialBackoff(maxDelay = 8_000)
    @RetryWhen(exception = Transient.class)
    ModelVersion createModelVersion(CreateModelVersionRequest request) {
        return stub().createModelVersion(request);
    }

    @Retry(maxRetries = 5, delay = 500, maxDuration = 60_000, jitter = 100)
    @ExponentialBackoff(maxDelay = 8_000)
    @RetryWhen(exception = Transient.class)
    void setAlias(SetAliasRequest request) {
        stub().setAlias(request);
    }

    private RegistryServiceBlockingStub stub() {
        return registry.withDeadlineAfter(config.registry().deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A failure worth another try: the registry was away or slow, not a refusal. */
    public static final class Transient implements Predicate<Throwable> {

        private static final Set<Status.Code> CODES = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

        @Override
        public boolean test(Throwable failure) {
            return failure instanceof StatusRuntimeException e && CODES.contains(e.getStatus().getCode());
        }
    }
}
