package dev.aiaas.cli.serving;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.NounCommand;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.serving.v1.ListDeploymentsRequest;
import dev.aiaas.proto.serving.v1.ListDeploymentsResponse;
import picocli.CommandLine.Command;

/** {@code aiaas endpoints list}. */
@Command(name = "endpoints", description = "Endpoints: what each serves and in what state.",
        synopsisSubcommandLabel = "COMMAND", subcommands = EndpointsCommand.List.class)
public final class EndpointsCommand extends NounCommand {

    @Command(name = "list", description = {"List the project's endpoints.",
        "The model each serves, the version answering now, its state and queue."})
    static final class List extends ApiCommand {
        @Override
        protected int run(Session session) {
            ListDeploymentsResponse answer = session.services().deployments()
                    .listDeployments(ListDeploymentsRequest.getDefaultInstance());
            session.printer().print(answer, () -> EndpointView.list(answer.getDeploymentsList()));
            return ExitCodes.OK;
        }
    }
}
