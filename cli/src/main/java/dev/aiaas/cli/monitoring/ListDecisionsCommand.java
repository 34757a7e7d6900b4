package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.monitoring.v1.ListDecisionsRequest;
import dev.aiaas.proto.monitoring.v1.ListDecisionsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas retraining decisions [ENDPOINT]}: what the retraining loop decided, newest first. */
@Command(name = "decisions", description = {"List what the retraining loop decided, newest first.",
    "Each decision: when, the endpoint, the action (retrain, skip, start-shadow, start-canary, promote, roll-back, "
        + "fail), the model with its champion and challenger versions, the reason, and the figures it was made on."})
final class ListDecisionsCommand extends ApiCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENDPOINT",
            description = "only this endpoint's (default: every endpoint of the project)")
    String endpoint;

    @Option(names = "--run", paramLabel = "ID", description = "only this run's")
    String run;

    @Option(names = "--limit", paramLabel = "N", description = "at most this many, 1 to 1000 (default: the "
            + "service's, 100)")
    Integer limit;

    @Override
    protected int run(Session session) {
        ListDecisionsRequest.Builder request = ListDecisionsRequest.newBuilder();
        if (endpoint != null) {
            request.setEndpoint(endpoint);
        }
        if (run != null) {
            request.setRunId(run);
        }
        if (limit != null) {
            request.setLimit(ListLimit.checked(limit));
        }
        ListDecisionsResponse answer = session.services().monitoring().listDecisions(request.build());
        session.printer().print(answer, () -> RetrainingView.decisions(answer.getDecisionsList()));
        return ExitCodes.OK;
    }
}
