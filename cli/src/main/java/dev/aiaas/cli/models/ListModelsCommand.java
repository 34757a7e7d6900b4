package dev.aiaas.cli.models;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.registry.v1.ListRegisteredModelsRequest;
import dev.aiaas.proto.registry.v1.ListRegisteredModelsResponse;
import picocli.CommandLine.Command;

/** {@code aiaas models list}. */
@Command(name = "list", description = "List the project's registered models with their aliases.")
final class ListModelsCommand extends ApiCommand {

    @Override
    protected int run(Session session) {
        ListRegisteredModelsResponse answer = session.services().registry()
                .listRegisteredModels(ListRegisteredModelsRequest.getDefaultInstance());
        session.printer().print(answer, () -> ModelView.list(answer.getModelsList()));
        return ExitCodes.OK;
    }
}
