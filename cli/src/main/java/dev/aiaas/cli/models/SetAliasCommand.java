package dev.aiaas.cli.models;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.registry.v1.Alias;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas alias set MODEL ALIAS VERSION}: promote (or roll back) by moving an alias. */
@Command(name = "set", description = {"Point an alias at a version.",
    "Creates or moves it; endpoints bound to MODEL@ALIAS swap to the version. Needs the admin role."})
final class SetAliasCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model")
    String model;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "the alias, e.g. champion")
    String alias;

    @Parameters(index = "2", paramLabel = "VERSION", description = "the version number")
    long version;

    @Override
    protected int run(Session session) {
        Alias moved = session.services().registry().setAlias(SetAliasRequest.newBuilder().setModelName(model)
                .setAlias(alias).setVersion(version).build());
        session.printer().print(moved, () -> ModelView.alias(moved));
        return ExitCodes.OK;
    }
}
