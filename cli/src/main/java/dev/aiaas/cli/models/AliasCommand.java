package dev.aiaas.cli.models;

import dev.aiaas.cli.NounCommand;
import picocli.CommandLine.Command;

/** {@code aiaas alias …}: a model's movable names for versions. */
@Command(name = "alias", description = "Aliases: point one at a version, or show how they moved.",
        synopsisSubcommandLabel = "COMMAND", subcommands = {SetAliasCommand.class, AliasHistoryCommand.class})
public final class AliasCommand extends NounCommand {
}
