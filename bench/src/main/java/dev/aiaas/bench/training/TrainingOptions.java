package dev.aiaas.bench.training;

import dev.aiaas.bench.OptionPairs;
import java.nio.file.Path;

/**
 * The command line of {@code bench/run training}.
 *
 * @param repository the repository root: the services' built jars and datasets/ are found from it
 * @param epochs     epochs of every measured run, on both sides
 * @param runs       measured runs of each side, alternating (bare loop, then service)
 * @param readme     the README whose training section is rewritten; null to write none
 */
public record TrainingOptions(Path repository, int epochs, int runs, Path readme) {

    public static final String USAGE = """
            usage: bench/run training [--epochs N] [--runs N] [--readme FILE|none]
              --epochs   epochs of the digits CNN in every measured run (default %d)
              --runs     measured runs of each side, alternating bare loop and service (default 3; medians are reported)
              --readme   where to write the results section (default bench/README.md; none: do not write)
            """.formatted(DigitsWorkload.DEFAULT_EPOCHS);

    /**
     * @throws IllegalArgumentException with what is wrong ("help" for --help); the caller prints {@link #USAGE}
     */
    public static TrainingOptions parse(String[] args, Path repository) {
        int epochs = DigitsWorkload.DEFAULT_EPOCHS;
        int runs = 3;
        Path readme = repository.resolve("bench").resolve("README.md");
        for (OptionPairs.Pair pair : OptionPairs.of(args)) {
            switch (pair.option()) {
                case "--epochs" -> epochs = OptionPairs.whole(pair, 1, 1000);
                case "--runs" -> runs = OptionPairs.whole(pair, 1, 20);
                case "--readme" -> readme = OptionPairs.readme(pair);
                default -> throw OptionPairs.unknown(pair);
            }
        }
        return new TrainingOptions(repository, epochs, runs, readme);
    }
}
