package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.monitoring.v1.AlertState;
import dev.aiaas.proto.monitoring.v1.ListAlertsRequest;
import dev.aiaas.proto.monitoring.v1.ListAlertsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas alerts list [ENDPOINT]}: alerts fired and resolved, newest first. */
@Command(name = "list", description = {"List the alerts that fired, newest first.",
    "Each alert: when it fired and resolved, the endpoint, its rule, kind and severity, whether it is firing, the "
        + "figure it fired on against the rule's threshold (and the one it resolved on), and its summary."})
final class ListAlertsCommand extends ApiCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENDPOINT",
            description = "only this endpoint's (default: every endpoint of the project)")
    String endpoint;

    @Option(names = "--firing", description = "only the alerts firing now")
    boolean firing;

    @Option(names = "--limit", paramLabel = "N", description = "at most this many, 1 to 1000 (default: the "
            + "service's, 100)")
    Integer limit;

    @Override
    protected int run(Session session) {
        ListAlertsRequest.Builder request = ListAlertsRequest.newBuilder();
        if (endpoint != null) {
            request.setEndpoint(endpoint);
        }
        if (firing) {
            request.setState(AlertState.FIRING);
        }
        if (limit != null) {
            request.setLimit(ListLimit.checked(limit));
        }
        ListAlertsResponse answer = session.services().monitoring().listAlerts(request.build());
        session.printer().print(answer, () -> AlertsView.alerts(answer.getAlertsList(), firing));
        return ExitCodes.OK;
    }
}
