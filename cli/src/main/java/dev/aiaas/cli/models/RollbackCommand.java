package dev.aiaas.cli.models;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.registry.v1.Alias;
import dev.aiaas.proto.registry.v1.AliasChange;
import dev.aiaas.proto.registry.v1.GetAliasHistoryRequest;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aiaas rollback MODEL}: moves an alias back to the version it pointed at before its last
 * move, as the alias history records it. A second rollback undoes the first.
 */
@Command(name = "rollback", description = {"Move an alias back to the version it pointed at before.",
    "Takes the version from the alias history (the newest move's previous version); endpoints bound to MODEL@ALIAS "
        + "swap back. Running it again undoes it. Needs the admin role."})
public final class RollbackCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model")
    String model;

    @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = "champion",
            description = "the alias to move back (default: ${DEFAULT-VALUE})")
    String alias;

    @Override
    protected int run(Session session) {
        List<AliasChange> changes = session.services().registry().getAliasHistory(GetAliasHistoryRequest.newBuilder()
                .setModelName(model).setAlias(alias).build()).getChangesList();
        long target = previousVersion(model, alias, changes);
        Alias moved = session.services().registry().setAlias(SetAliasRequest.newBuilder().setModelName(model)
                .setAlias(alias).setVersion(target).build());
        session.printer().print(moved, () -> "rolled back: " + ModelView.alias(moved));
        return ExitCodes.OK;
    }

    /**
     * The version {@code alias} pointed at before its newest change.
     *
     * @param changes the alias's history, newest first
     */
    static long previousVersion(String model, String alias, List<AliasChange> changes) {
        if (changes.isEmpty()) {
            throw CommandFailure.refused(model + "@" + alias + " was never set: nothing to roll back");
        }
        AliasChange newest = changes.get(0);
        if (newest.getVersion() == 0) {
            throw CommandFailure.refused(model + "@" + alias + " was deleted: set it again with aiaas alias set");
        }
        if (newest.getPreviousVersion() == 0) {
            throw CommandFailure.refused(model + "@" + alias + " has pointed at v" + newest.getVersion()
                    + " since it was created: there is no earlier version to roll back to");
        }
        return newest.getPreviousVersion();
    }
}
