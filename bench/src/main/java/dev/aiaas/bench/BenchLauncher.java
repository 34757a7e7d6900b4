package dev.aiaas.bench;

import dev.aiaas.localstack.Progress;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * What every benchmark's {@code main} does around its run: parse the command line (on a
 * mistake print it and the usage, exit 2), run, and exit 0, or print what failed and exit 1.
 */
public final class BenchLauncher {

    /** A benchmark, given its parsed options. */
    @FunctionalInterface
    public interface Benchmark<O> {
        void run(O options) throws Exception;
    }

    private BenchLauncher() {
    }

    /**
     * @param parse reads the arguments (and the repository root, from {@code -Daiaas.repository});
     *              throws IllegalArgumentException with what is wrong, or with "help" for {@code --help}
     */
    public static <O> void launch(String[] args, String usage, BiFunction<String[], Path, O> parse,
            Benchmark<O> benchmark) {
        Path repository = Path.of(System.getProperty("aiaas.repository", ".")).toAbsolutePath().normalize();
        O options;
        try {
            options = parse.apply(args, repository);
        } catch (IllegalArgumentException e) {
            if (!"help".equals(e.getMessage())) {
                System.err.println("bench: " + e.getMessage());
            }
            System.err.print(usage);
            System.exit(2);
            return;
        }
        try {
            benchmark.run(options);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.err.println("bench failed: " + e.getMessage() + "; the services' logs were in the stack's temporary"
                    + " home (deleted on exit): rerun with the same options to look again, or run ./aiaas up and the e2e"
                    + " tests to check the stack itself");
            System.exit(1);
        }
    }

    /** How a run was started, for its results section: {@code bench/run ingest --records 1000}. */
    public static String command(String benchmark, String[] args) {
        return "bench/run" + (benchmark.isEmpty() ? "" : " " + benchmark)
                + (args.length == 0 ? "" : " " + String.join(" ", args));
    }

    /** The settings the figures depend on; bench/run sets them, a hand-made java command may not. */
    public static void checkEnvironment(Progress progress) {
        if (!"PASSIVE".equals(System.getenv("OMP_WAIT_POLICY"))) {
            progress.step("warning: OMP_WAIT_POLICY is not PASSIVE in this JVM: libgomp's busy wait will distort the "
                    + "engine figures (bench/run sets it)");
        }
        if (!Boolean.getBoolean("ai.djl.offline")) {
            progress.step("warning: -Dai.djl.offline=true is not set: DJL may try the network (bench/run sets it)");
        }
    }
}
