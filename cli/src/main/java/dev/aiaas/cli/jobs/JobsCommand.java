package dev.aiaas.cli.jobs;

import dev.aiaas.cli.NounCommand;
import picocli.CommandLine.Command;

/** {@code aiaas jobs …}: training jobs. */
@Command(name = "jobs", description = "Training jobs: submit one, watch its epochs, cancel, list, show.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {SubmitJobCommand.class, WatchJobCommand.class, CancelJobCommand.class, ListJobsCommand.class,
            ShowJobCommand.class})
public final class JobsCommand extends NounCommand {
}
