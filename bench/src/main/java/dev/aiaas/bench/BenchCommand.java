package dev.aiaas.bench;

import dev.aiaas.bench.ingest.IngestBenchMain;
import dev.aiaas.bench.ingest.IngestOptions;
import dev.aiaas.bench.training.TrainingBenchMain;
import dev.aiaas.bench.training.TrainingOptions;
import java.util.Arrays;

/**
 * {@code bench/run [serving|ingest|training] [OPTIONS]}: the first word picks the benchmark
 * (serving when there is none), the rest are its options.
 */
public final class BenchCommand {

    static final String USAGE = """
            usage: bench/run [serving|ingest|training] [OPTIONS]   (serving when no benchmark is named)
              serving   the engine against the served model over gRPC and REST (about 8 minutes)
              ingest    records on Kafka until a sealed dataset version holds them, against
                        kafka-producer-perf-test on the same broker (about a minute)
              training  a training job through the service against a bare training loop on the
                        same prepared data (about 5 minutes)

            """;

    private BenchCommand() {
    }

    public static void main(String[] args) {
        String first = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (first) {
            case "--help", "-h" -> {
                System.out.print(USAGE + BenchOptions.USAGE + "\n" + IngestOptions.USAGE + "\n" + TrainingOptions.USAGE);
                System.exit(0);
            }
            case "serving" -> BenchMain.main(rest);
            case "ingest" -> IngestBenchMain.main(rest);
            case "training" -> TrainingBenchMain.main(rest);
            default -> {
                if (!first.isEmpty() && !first.startsWith("-")) {
                    System.err.println("bench: unknown benchmark '" + first + "'");
                    System.err.print(USAGE);
                    System.exit(2);
                }
                BenchMain.main(args);
            }
        }
    }
}
