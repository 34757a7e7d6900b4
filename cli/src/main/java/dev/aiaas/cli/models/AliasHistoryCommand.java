package dev.aiaas.cli.models;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.registry.v1.GetAliasHistoryRequest;
import dev.aiaas.proto.registry.v1.GetAliasHistoryResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas alias history MODEL [ALIAS]}: every move, newest first. */
@Command(name = "history", description = {"Show how a model's aliases moved.",
    "Every move of its aliases (or of one), newest first, with who moved it."})
final class AliasHistoryCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model")
    String model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ALIAS", description = "only this alias")
    String alias;

    @Override
    protected int run(Session session) {
        GetAliasHistoryResponse history = session.services().registry().getAliasHistory(GetAliasHistoryRequest
                .newBuilder().setModelName(model).setAlias(alias == null ? "" : alias).build());
        session.printer().print(history, () -> ModelView.history(history.getChangesList()));
        return ExitCodes.OK;
    }
}
