package dev.aiaas.bench.ingest;

import dev.aiaas.bench.OptionPairs;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line of {@code bench/run ingest}.
 *
 * @param repository    the repository root: the services' built jars and datasets/ are found from it
 * @param records       records per measured round, on each side
 * @param rounds        measured rounds; each runs the baseline, then ingest
 * @param warmupRecords records sent through each side before it is measured (ingest once, before the first
 *                      round; the perf test in every round, as its own --warmup-records)
 * @param timeout       longest ingest may take to store one round's records
 * @param readme        the README whose ingest section is rewritten; null to write none
 */
public record IngestOptions(Path repository, int records, int rounds, int warmupRecords, Duration timeout,
        Path readme) {

    public static final String USAGE = """
            usage: bench/run ingest [--records N] [--rounds N] [--warmup-records N] [--timeout SECONDS] [--readme FILE|none]
              --records         records per measured round and side (default 100000)
              --rounds          measured rounds, each the baseline then ingest (default 5; medians are reported)
              --warmup-records  records through each side before it is measured (default 100000)
              --timeout         seconds ingest may take to store one round (default 600)
              --readme          where to write the results section (default bench/README.md; none: do not write)
            """;

    /**
     * @throws IllegalArgumentException with what is wrong ("help" for --help); the caller prints {@link #USAGE}
     */
    public static IngestOptions parse(String[] args, Path repository) {
        int records = 100_000;
        int rounds = 5;
        int warmup = 100_000;
        Duration timeout = Duration.ofSeconds(600);
        Path readme = repository.resolve("bench").resolve("README.md");
        for (OptionPairs.Pair pair : OptionPairs.of(args)) {
            switch (pair.option()) {
                case "--records" -> records = OptionPairs.whole(pair, 1, 10_000_000);
                case "--rounds" -> rounds = OptionPairs.whole(pair, 1, 20);
                case "--warmup-records" -> warmup = OptionPairs.whole(pair, 0, 10_000_000);
                case "--timeout" -> timeout = Duration.ofSeconds(OptionPairs.whole(pair, 1, 86_400));
                case "--readme" -> readme = OptionPairs.readme(pair);
                default -> throw OptionPairs.unknown(pair);
            }
        }
        return new IngestOptions(repository, records, rounds, warmup, timeout, readme);
    }
}
