package dev.aiaas.cli;

import dev.aiaas.cli.demo.DemoScenario;
import dev.aiaas.cli.demo.Progress;
import dev.aiaas.cli.demo.ScenarioSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas demo [DATASETS]}: the whole lifecycle on the bundled data sets, against the running stack. */
@Command(name = "demo", description = {"Run the whole lifecycle on the bundled data sets.",
    "Against the running stack: import, seal, prepare, train, deploy, predict (and for classify: traffic and "
        + "monitoring), then a summary of what was measured.",
    "--scenario classify: Iris with an MLP and the digits with a CNN; forecast: Seattle's daily weather with an "
        + "LSTM over 14-day windows, its test error beside the naive last-value forecast's, and tomorrow forecast "
        + "from the file's last 14 raw rows; anomaly: an autoencoder trained on the digit 0 only, its ROC-AUC and "
        + "precision/recall at its threshold, and a few digits scored; text: SpamAssassin mail with an "
        + "EMBEDDING_BAG classifier over the subject's and body's words, its test spam F1/precision/recall beside "
        + "always answering ham, and two raw mails classified; recommend: US flights with a MATRIX_FACTORISATION "
        + "recommender (origins as users, destinations as items, airports as shared ids), its test recall@10 beside "
        + "recommending the most popular destinations, and destinations recommended to ORD, ATL and DEN; all: the "
        + "five."})
final class DemoCommand extends ApiCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATASETS", defaultValue = "datasets",
            description = "the folder with iris.csv, mnist10k.u8.gz, seattle-weather.csv, "
                    + "spam-assassin-1.jsonl.gz and flights-20k.json (default: ${DEFAULT-VALUE})")
    Path datasets;

    @Option(names = "--scenario", paramLabel = "SCENARIO", defaultValue = "classify",
            description = "classify, forecast, anomaly, text, recommend or all (default: ${DEFAULT-VALUE})")
    DemoScenario scenario;

    @Override
    protected int run(Session session) throws Exception {
        List<String> missing = scenario.files().stream().filter(file -> !Files.isRegularFile(datasets.resolve(file)))
                .toList();
        if (!missing.isEmpty()) {
            throw CommandFailure.usage("demo: " + datasets.toAbsolutePath() + " lacks " + String.join(" and ", missing)
                    + ": run it from the repository root");
        }
        List<ScenarioSummary> summaries = scenario.run(session.services(), new Progress(session.terminal().out()),
                datasets);
        summaries.forEach(summary -> summary.print(session.terminal().out()));
        return ExitCodes.OK;
    }
}
