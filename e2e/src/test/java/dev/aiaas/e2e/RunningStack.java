package dev.aiaas.e2e;

import dev.aiaas.cli.Addresses;
import dev.aiaas.cli.Services;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.Progress;
import dev.aiaas.localstack.RunningService;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.localstack.StackOptions;
import dev.aiaas.errors.Projects;
import dev.aiaas.security.Role;
import dev.aiaas.testing.OtlpReceiver;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One stack for the whole test JVM, started on first use exactly as {@code ./aiaas up} starts
 * it (same class, same service JVMs and environment), but in a temporary home on free ports so
 * that it never meets a developer's running stack, and supervised as {@code ./aiaas up}
 * supervises it. Stopped, and its home deleted, when the JVM
 * exits.
 */
final class RunningStack {

    private static LocalStack stack;
    private static OtlpReceiver traces;
    private static RuntimeException startFailure;

    private RunningStack() {
    }

    static synchronized LocalStack get() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (stack == null) {
            try {
                stack = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
        }
        return stack;
    }

    /**
     * The OTLP endpoint every service of the stack exports its spans to. Only traces a client
     * started (a sampled {@code traceparent} on its call) are recorded: the services sample no
     * root span of their own, so fault tests with 100 000 records add no spans.
     */
    static synchronized OtlpReceiver traces() {
        get();
        return traces;
    }

    /** Clients of the six services of the stack, as the command line connects them. */
    static Services connect(LocalStack stack) {
        return Services.connect(addresses(stack), stack.transport(),
                stack.keys().mint("e2e", Projects.DEFAULT, Role.ADMIN, Duration.ofHours(4)));
    }

    /** Where the stack's six services listen. */
    static Addresses addresses(LocalStack stack) {
        return new Addresses("localhost", port(stack, ServiceName.INGEST), port(stack, ServiceName.PREPROCESS),
                port(stack, ServiceName.TRAINING), port(stack, ServiceName.REGISTRY), port(stack, ServiceName.SERVING),
                port(stack, ServiceName.MONITORING));
    }

    /** Closes a test's clients, then waits for every service to serve again (see {@link #awaitAllServing}). */
    static void leaveServing(Services services) throws InterruptedException {
        if (services != null) {
            services.close();
        }
        if (stack != null) {
            awaitAllServing(stack, Duration.ofMinutes(3));
        }
    }

    /**
     * Waits until every service answers gRPC health SERVING again: a test that killed a process
     * leaves the stack as it found it for the tests after it.
     */
    static void awaitAllServing(LocalStack stack, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (RunningService service : stack.services()) {
            while (!serving(stack.service(service.name()), stack)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(service.name().id() + " did not answer SERVING within " + timeout);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for the stack", e);
                }
            }
        }
    }

    private static boolean serving(RunningService service, LocalStack stack) {
        ManagedChannel channel = Grpc.newChannelBuilder(service.address(), stack.transport().channelCredentials())
                .build();
        try {
            return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus() == ServingStatus.SERVING;
        } catch (StatusRuntimeException e) {
            return false;
        } finally {
            channel.shutdownNow();
        }
    }

    private static int port(LocalStack stack, ServiceName service) {
        return stack.service(service).port();
    }

    private static LocalStack start() {
        Path root = ServicesUnderTest.repositoryRoot();
        traces = OtlpReceiver.start();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_TRACES_SAMPLER", "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG", "0.0"));
        // the retraining loop within minutes (RetrainingLoopIT): alerts and the loop every 2 s, auto-seals every 1 s
        environment.put("MONITORING_ALERTS_INTERVAL", "PT2S");
        environment.put("MONITORING_LOOP_INTERVAL", "PT2S");
        environment.put("INGEST_AUTO_SEAL_INTERVAL", "PT1S");
        environment.put("MONITORING_DRIFT_HISTORY_INTERVAL", "PT5S");
        StackOptions options = StackOptions.defaults(root)
                .withHome(temporaryHome(), true)
                .withFreePorts()
                .withServices(ServicesUnderTest.find(root))
                .withEnvironment(environment);
        LocalStack started = LocalStack.start(options, new Progress(System.out));
        // As ./aiaas up does: a service that exits (ServingResilienceIT kills one) comes back.
        started.supervise(restarted -> { });
        return started;
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("aiaas-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary home for the stack", e);
        }
    }
}
