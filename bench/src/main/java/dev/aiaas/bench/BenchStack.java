package dev.aiaas.bench;

import dev.aiaas.cli.Addresses;
import dev.aiaas.cli.Services;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.Progress;
import dev.aiaas.localstack.RunningService;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.localstack.StackOptions;
import dev.aiaas.storage.ArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The local stack as the benchmarks run it: PostgreSQL, Kafka (inside this JVM), S3Proxy and
 * the chosen services from their built jars, in a temporary home on free ports. Everything it
 * started is stopped and the home deleted when the work ends, also on Ctrl-C.
 */
public final class BenchStack {

    /** What runs against the started stack. */
    @FunctionalInterface
    public interface Work {
        void run(LocalStack stack) throws Exception;
    }

    private BenchStack() {
    }

    public static void run(Path repository, Set<ServiceName> services, Progress progress, Work work) throws Exception {
        StackOptions options = StackOptions.defaults(repository)
                .withHome(Files.createTempDirectory("aiaas-bench-"), true)
                .withFreePorts()
                .withServices(services);
        LocalStack stack = LocalStack.prepare(options, progress);
        Thread stopOnExit = new Thread(stack::close, "bench-stack-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            stack.boot();
            StackTokens.mint(stack);
            StackTransport.of(stack);
            work.run(stack);
        } finally {
            stack.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs (close is idempotent)
            }
        }
    }

    /** The stack's object store, as the services reach it. */
    public static ArtifactStore artifactStore(LocalStack stack) {
        return new ArtifactStore(stack.endpoints().artifactStore());
    }

    /**
     * gRPC clients of the stack's services (the CLI's). A service the stack did not start keeps
     * its default port; its channel connects only if it is used.
     */
    public static Services clients(LocalStack stack) {
        return Services.connect(new Addresses("localhost", port(stack, ServiceName.INGEST),
                port(stack, ServiceName.PREPROCESS), port(stack, ServiceName.TRAINING),
                port(stack, ServiceName.REGISTRY), port(stack, ServiceName.SERVING),
                port(stack, ServiceName.MONITORING)), stack.transport(), StackTokens.user());
    }

    private static int port(LocalStack stack, ServiceName service) {
        return stack.services().stream().filter(s -> s.name() == service).mapToInt(RunningService::port).findFirst()
                .orElse(service.defaultPort());
    }
}
