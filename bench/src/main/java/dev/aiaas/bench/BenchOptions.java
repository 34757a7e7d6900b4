package dev.aiaas.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code bench/run}.
 *
 * @param repository the repository root: the services' built jars and datasets/ are found from it
 * @param warmUp     per case, before measuring
 * @param measure    per case, the measured window
 * @param only       words that narrow the cases ({@link CaseMatrix#only}); empty for all
 * @param readme     the README whose results section is rewritten; null to write none
 */
record BenchOptions(Path repository, Duration warmUp, Duration measure, List<String> only, Path readme) {

    static final String USAGE = """
            usage: bench/run [--warmup SECONDS] [--measure SECONDS] [--only WORD[,WORD…]] [--readme FILE|none]
              --warmup   seconds of load before each case is measured (default 2)
              --measure  seconds each case is measured (default 5)
              --only     run only the cases every word names: a model (iris, digits), a transport
                         (grpc, rest, engine) or a batching (b64, b1); engine baselines of the model stay
              --readme   where to write the results section (default bench/README.md; none: do not write)
            """;

    /**
     * @throws IllegalArgumentException with what is wrong; the caller prints {@link #USAGE}
     */
    static BenchOptions parse(String[] args, Path repository) {
        Duration warmUp = Duration.ofSeconds(2);
        Duration measure = Duration.ofSeconds(5);
        List<String> only = new ArrayList<>();
        Path readme = repository.resolve("bench").resolve("README.md");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("help");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--warmup" -> warmUp = seconds(option, value);
                case "--measure" -> measure = seconds(option, value);
                case "--only" -> only.addAll(List.of(value.split(",")));
                case "--readme" -> readme = value.equals("none") ? null : Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new BenchOptions(repository, warmUp, measure, List.copyOf(only), readme);
    }

    private static Duration seconds(String option, String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds > 0 && seconds <= 600) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes seconds between 0 and 600, got '" + value + "'");
    }
}
