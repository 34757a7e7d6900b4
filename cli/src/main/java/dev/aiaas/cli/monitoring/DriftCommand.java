package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.GetDriftReportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas drift ENDPOINT}: each feature's drift from the training data, and the model's answers' drift. */
@Command(name = "drift", description = {"Show how an endpoint's inputs drifted from its training data.",
    "Per feature: its kind, the method its drift policy chose (numeric ks or wasserstein, categorical chi-square "
        + "or jensen-shannon, or psi), the statistic, the p-value of a test, the threshold, the verdict, and PSI "
        + "besides; then the share of features that drifted (the input drifts when it reaches the policy's share) "
        + "and the drift of the model's answers (this version's newest answers against its first).",
    "aiaas drift policy ENDPOINT shows or changes how drift is judged."},
        subcommands = DriftPolicyCommand.class)
public final class DriftCommand extends ApiCommand {

    // Optional so that `drift policy ENDPOINT` parses: picocli checks a parent's required parameters first.
    @Parameters(index = "0", arity = "0..1", paramLabel = "ENDPOINT", description = "the endpoint")
    String endpoint;

    @Override
    protected int run(Session session) {
        if (endpoint == null) {
            throw CommandFailure.usage("name the endpoint: aiaas drift ENDPOINT (or aiaas drift policy ENDPOINT)");
        }
        DriftReport report = session.services().monitoring().getDriftReport(GetDriftReportRequest.newBuilder()
                .setEndpoint(endpoint).build());
        session.printer().print(report, () -> DriftView.report(report));
        return ExitCodes.OK;
    }
}
