package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.FeatureDrift;
import dev.aiaas.proto.monitoring.v1.GetDriftReportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas drift ENDPOINT}: PSI of recent inputs against the training baseline. */
@Command(name = "drift", description = {"Show how an endpoint's inputs drifted from its training data.",
    "The population stability index (PSI) of recent inputs against the training baseline, per feature and overall."})
public final class DriftCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint")
    String endpoint;

    @Override
    protected int run(Session session) {
        DriftReport report = session.services().monitoring().getDriftReport(GetDriftReportRequest.newBuilder()
                .setEndpoint(endpoint).build());
        session.printer().print(report, () -> table(report));
        return ExitCodes.OK;
    }

    private static String table(DriftReport r) {
        String head = new Fields()
                .add("endpoint", r.getEndpoint())
                .add("model", r.getModelName() + ":" + r.getModelVersion())
                .add("rows compared", r.getSampleCount())
                .add("overall PSI", Cells.figure(r.getOverallPsi()) + (r.getDrifted() ? " (drifted)" : ""))
                .add("threshold", Cells.figure(r.getThreshold()))
                .toString();
        TextTable features = TextTable.of("FEATURE", "PSI", "DRIFTED");
        for (FeatureDrift f : r.getFeaturesList()) {
            features.row(f.getFeature(), Cells.figure(f.getPsi()), f.getDrifted() ? "yes" : "no");
        }
        return head + "\n" + features;
    }
}
