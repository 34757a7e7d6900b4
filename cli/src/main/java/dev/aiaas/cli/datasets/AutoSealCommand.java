package dev.aiaas.cli.datasets;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.cli.monitoring.DurationFlag;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.SetAutoSealRequest;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas datasets auto-seal NAME}: when ingest seals the dataset's open rows by itself. */
@Command(name = "auto-seal", description = {"Set when ingest seals the dataset's open rows by itself.",
    "It seals once the dataset holds --rows open rows, or once its oldest open row is --age old, whichever comes "
        + "first (checked every few seconds), as 'datasets seal' would. A limit left out or 0 is off; with both off, "
        + "only 'datasets seal' seals."})
final class AutoSealCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the dataset")
    String name;

    @Option(names = "--rows", paramLabel = "N", description = "seal once this many rows are open (0: no row limit)")
    long rows;

    @Option(names = "--age", paramLabel = "DURATION", converter = DurationFlag.OrOff.class,
            description = "seal once the oldest open row is this old: 90s, 10m, 2h, 1d (0: no age limit)")
    Duration age;

    @Override
    protected int run(Session session) {
        Dataset dataset = session.services().ingest().setAutoSeal(SetAutoSealRequest.newBuilder().setDataset(name)
                .setAutoSeal(AutoSealLimits.of(rows, age, "--age")).build());
        session.printer().print(dataset, () -> DatasetView.details(dataset));
        return ExitCodes.OK;
    }
}
