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
            usage: bench/run [serving] [--warmup SECONDS] [--measure SECONDS] [--only WORD[,WORD…]] [--readme FILE|none]
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
        for (OptionPairs.Pair pair : OptionPairs.of(args)) {
            switch (pair.option()) {
                case "--warmup" -> warmUp = seconds(pair);
                case "--measure" -> measure = seconds(pair);
                case "--only" -> only.addAll(List.of(pair.value().split(",")));
                case "--readme" -> readme = OptionPairs.readme(pair);
                default -> throw OptionPairs.unknown(pair);
            }
        }
        return new BenchOptions(repository, warmUp, measure, List.copyOf(only), readme);
    }

    private static Duration seconds(OptionPairs.Pair pair) {
        try {
            return Duration.ofMillis(Math.round(OptionPairs.positive(pair, 600) * 1000));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(pair.option() + " takes seconds between 0 and 600, got '" + pair.value()
                    + "'");
        }
    }
}
