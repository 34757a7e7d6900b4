package dev.aiaas.cli;

import dev.aiaas.cli.demo.DemoSummary;
import dev.aiaas.cli.demo.LifecycleDemo;
import dev.aiaas.cli.demo.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas demo [DATASETS]}: the whole lifecycle on the bundled data sets, against the running stack. */
@Command(name = "demo", description = {"Run the whole lifecycle on the bundled data sets.",
    "Iris and the digits, against the running stack: import, seal, prepare, train, deploy, predict, monitor."})
final class DemoCommand extends ApiCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATASETS", defaultValue = "datasets",
            description = "the folder with iris.csv and mnist10k.u8.gz (default: ${DEFAULT-VALUE})")
    Path datasets;

    @Override
    protected int run(Session session) throws Exception {
        if (!Files.isRegularFile(datasets.resolve("iris.csv")) || !Files.isRegularFile(datasets.resolve("mnist10k.u8.gz"))) {
            throw CommandFailure.usage("demo: " + datasets.toAbsolutePath() + " lacks iris.csv or mnist10k.u8.gz: "
                    + "run it from the repository root");
        }
        DemoSummary summary = new LifecycleDemo(session.services(), new Progress(session.terminal().out()), datasets)
                .run();
        summary.print(session.terminal().out());
        return ExitCodes.OK;
    }
}
