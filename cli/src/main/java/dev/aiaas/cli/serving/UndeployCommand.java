package dev.aiaas.cli.serving;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.serving.v1.UndeployRequest;
import dev.aiaas.proto.serving.v1.UndeployResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas undeploy ENDPOINT}. */
@Command(name = "undeploy", description = {"Stop serving an endpoint.",
    "Every replica stops serving it and forgets it. Needs the admin role."})
public final class UndeployCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint")
    String endpoint;

    @Override
    protected int run(Session session) {
        UndeployResponse answer = session.services().deployments().undeploy(UndeployRequest.newBuilder()
                .setEndpoint(endpoint).build());
        session.printer().print(answer, () -> "undeployed " + endpoint);
        return ExitCodes.OK;
    }
}
