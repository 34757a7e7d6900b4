package dev.aiaas.cli;

import dev.aiaas.cli.demo.DemoSummary;
import dev.aiaas.cli.demo.LifecycleDemo;
import dev.aiaas.cli.demo.Progress;
import dev.aiaas.security.ClientTransport;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code aiaas} client: {@code demo} drives the lifecycle against a running stack;
 * {@code token} mints a token for it.
 */
public final class Main {

    /** gRPC's transport logs start-up details at INFO: not for users. Held so the level sticks. */
    private static final java.util.logging.Logger GRPC_LOG = java.util.logging.Logger.getLogger("io.grpc");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        GRPC_LOG.setLevel(java.util.logging.Level.WARNING);
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "demo" -> System.exit(demo(args.length > 1 ? Path.of(args[1]) : Path.of("datasets")));
            case "token" -> System.exit(TokenCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length),
                    System.getenv(), System.out, System.err));
            default -> {
                System.out.println("usage: aiaas-cli demo [datasets-folder]   (needs a running stack: ./aiaas up)");
                System.out.println("       aiaas-cli token --project P --role viewer|editor|admin [--subject NAME] "
                        + "[--lifetime PT8H]");
                System.exit("help".equals(command) ? 0 : 2);
            }
        }
    }

    private static int demo(Path datasets) throws Exception {
        if (!Files.isRegularFile(datasets.resolve("iris.csv")) || !Files.isRegularFile(datasets.resolve("mnist10k.u8.gz"))) {
            System.err.println("aiaas demo: " + datasets.toAbsolutePath() + " lacks iris.csv or mnist10k.u8.gz: "
                    + "run it from the repository root");
            return 2;
        }
        Progress progress = new Progress(System.out);
        Map<String, String> env = System.getenv();
        try (Services services = Services.connect(Addresses.fromEnvironment(),
                ClientTransport.fromEnvironment(env, BearerToken.localHome(env)), BearerToken.fromEnvironment())) {
            DemoSummary summary = new LifecycleDemo(services, progress, datasets).run();
            summary.print(System.out);
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println("aiaas demo: a service answered " + e.getStatus().getCode() + ": "
                    + e.getStatus().getDescription()
                    + (e.getStatus().getCode() == io.grpc.Status.Code.UNAVAILABLE
                    ? "\n  is the stack running? start it with ./aiaas up in another terminal" : ""));
            return 1;
        }
    }
}
