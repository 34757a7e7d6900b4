package dev.aiaas.cli.datasets;

import dev.aiaas.cli.NounCommand;
import picocli.CommandLine.Command;

/** {@code aiaas datasets …}: datasets with their schemas, imports and sealed versions. */
@Command(name = "datasets", description = "Datasets: create one with its schema, import files into it, seal versions.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CreateDatasetCommand.class, ImportCommand.class, SealCommand.class, AutoSealCommand.class,
            ListDatasetsCommand.class, ShowDatasetCommand.class})
public final class DatasetsCommand extends NounCommand {
}
