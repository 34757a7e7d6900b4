package dev.aiaas.cli.access;

import dev.aiaas.cli.NounCommand;
import picocli.CommandLine.Command;

/** {@code aiaas access …}: roles granted in the project, kept by the registry. */
@Command(name = "access", description = {"Grant and revoke roles in the project.",
    "Roles granted by the project's admins add to those tokens carry (a user's role is the higher of the two); "
        + "every service honours a change within a second or so.",
    "Needs the admin role."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {GrantCommand.class, RevokeCommand.class, ListGrantsCommand.class})
public final class AccessCommand extends NounCommand {
}
