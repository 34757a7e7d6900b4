package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.NounCommand;
import picocli.CommandLine.Command;

/** {@code aiaas retraining …}: the loop that retrains an endpoint's model, tries the result and promotes it. */
@Command(name = "retraining", description = {"Retraining: when an endpoint's model is retrained, how the new "
        + "version is tried against it, and what the loop decided.",
    "A policy names the triggers (alerts that start firing, new rows); a run trains a challenger, shadows it, "
        + "canaries it and promotes it or rolls it back, each step a decision with its reason and figures."},
        synopsisSubcommandLabel = "COMMAND", subcommands = {RetrainingPolicyCommand.class, ListDecisionsCommand.class})
public final class RetrainingCommand extends NounCommand {
}
