package dev.aiaas.cli;

import dev.aiaas.cli.demo.DemoScenario;
import dev.aiaas.cli.demo.Progress;
import dev.aiaas.cli.demo.ScenarioSummary;
import dev.aiaas.cli.monitoring.DurationFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas demo [SCENARIO] [DATASETS]}: a scenario on the bundled data sets, against the running stack. */
@Command(name = "demo", description = {"Run the whole lifecycle on the bundled data sets.",
    "Against the running stack: import, seal, prepare, train, deploy, predict (and for classify: traffic and "
        + "monitoring), then a summary of what was measured.",
    "The scenario is the first word (demo drift) or --scenario: classify (the default): Iris with an MLP and the "
        + "digits with a CNN; forecast: Seattle's daily weather with an "
        + "LSTM over 14-day windows, its test error beside the naive last-value forecast's, and tomorrow forecast "
        + "from the file's last 14 raw rows; anomaly: an autoencoder trained on the digit 0 only, its ROC-AUC and "
        + "precision/recall at its threshold, and a few digits scored; text: SpamAssassin mail with an "
        + "EMBEDDING_BAG classifier over the subject's and body's words, its test spam F1/precision/recall beside "
        + "always answering ham, and two raw mails classified; recommend: US flights with a MATRIX_FACTORISATION "
        + "recommender (origins as users, destinations as items, airports as shared ids), its test recall@10 beside "
        + "recommending the most popular destinations, and destinations recommended to ORD, ATL and DEN; drift: "
        + "the retraining loop on Iris with no manual step: a champion serves traffic whose ground truth comes "
        + "back, then the world drifts (every measurement 3 cm longer), new labelled rows reach ingest, which "
        + "seals them by itself, the drift alert fires, and monitoring retrains, shadows, canaries and promotes "
        + "(or rolls back) a challenger, each decision printed as it comes, then the champion before and after "
        + "with their accuracy on the drifted traffic (a few minutes; at most --timeout); all: the first five, "
        + "not drift (it moves an endpoint's traffic between versions and waits minutes for the loop).",
    "drift runs on a fresh dataset, model and endpoint, drift-iris, or drift-iris-2, -3, ... when an earlier run "
        + "took the name; it says which."})
final class DemoCommand extends ApiCommand {

    static final String DEFAULT_DATASETS = "datasets";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO|DATASETS",
            description = "a scenario, as --scenario names it (demo drift), or the folder with iris.csv, "
                    + "mnist10k.u8.gz, seattle-weather.csv, spam-assassin-1.jsonl.gz and flights-20k.json "
                    + "(default: " + DEFAULT_DATASETS + ")")
    String first;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DATASETS",
            description = "the folder, after a scenario (demo drift datasets)")
    Path second;

    @Option(names = "--scenario", paramLabel = "SCENARIO",
            description = "classify, forecast, anomaly, text, recommend, drift or all (default: classify)")
    DemoScenario option;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationFlag.class,
            description = "drift: how long the retraining loop may take, from the drifted traffic's start to the "
                    + "decision that ends its run: 600, 15m, PT1H (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    protected int run(Session session) throws Exception {
        DemoScenario scenario = scenario();
        Path datasets = datasets();
        List<String> missing = scenario.files().stream().filter(file -> !Files.isRegularFile(datasets.resolve(file)))
                .toList();
        if (!missing.isEmpty()) {
            throw CommandFailure.usage("demo: " + datasets.toAbsolutePath() + " lacks " + String.join(" and ", missing)
                    + ": run it from the repository root");
        }
        List<ScenarioSummary> summaries = scenario.run(session.services(), new Progress(session.terminal().out()),
                datasets, timeout);
        summaries.forEach(summary -> summary.print(session.terminal().out()));
        if (summaries.stream().anyMatch(ScenarioSummary::failed)) {
            throw CommandFailure.rejectedOrFailed("demo " + scenario.word() + ": the run failed; the summary above "
                    + "says why");
        }
        return ExitCodes.OK;
    }

    /**
     * The scenario the first word names, else --scenario's, else classify; a usage error when the
     * two name different ones.
     */
    DemoScenario scenario() {
        Optional<DemoScenario> word = first == null ? Optional.empty() : DemoScenario.named(first);
        if (word.isPresent() && option != null && word.get() != option) {
            throw CommandFailure.usage("demo: name the scenario once: " + first + " or --scenario " + option.word());
        }
        return word.orElse(option == null ? DemoScenario.CLASSIFY : option);
    }

    /**
     * The folder after a scenario's name, or the first word when it names no scenario, else
     * {@value #DEFAULT_DATASETS}; a usage error for two words of which the first names no scenario.
     */
    Path datasets() {
        if (first != null && DemoScenario.named(first).isPresent()) {
            return second == null ? Path.of(DEFAULT_DATASETS) : second;
        }
        if (second != null) {
            String scenarios = Arrays.stream(DemoScenario.values()).map(DemoScenario::word)
                    .collect(Collectors.joining(", "));
            throw CommandFailure.usage("demo: '" + first + "' is not a scenario (" + scenarios + "): give a scenario "
                    + "then the folder (demo drift datasets), or the folder alone");
        }
        return Path.of(first == null ? DEFAULT_DATASETS : first);
    }
}
