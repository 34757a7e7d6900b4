package dev.aiaas.cli.monitoring;

import com.google.protobuf.Timestamp;
import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.monitoring.v1.GetModelQualityRequest;
import dev.aiaas.proto.monitoring.v1.ModelQuality;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas quality ENDPOINT}: how right an endpoint's answers were, from the ground truth recorded. */
@Command(name = "quality", description = {"Show how right an endpoint's answers were, per model version and per "
        + "time window.",
    "Judged on the predictions received in the range whose requests have ground truth (aiaas feedback): a "
        + "classifier's accuracy and macro F1, a model that predicts values its MSE and MAE; first each version's "
        + "totals over the range, then a row per window and version."})
public final class QualityCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint")
    String endpoint;

    @ArgGroup(exclusive = true)
    TimeRange range;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "60", converter = DurationFlag.class,
            description = "the width of each window: seconds, or 15m, 1h, PT1H (default: ${DEFAULT-VALUE} seconds)")
    Duration window;

    @Override
    protected int run(Session session) {
        GetModelQualityRequest.Builder request = GetModelQualityRequest.newBuilder().setEndpoint(endpoint)
                .setWindowSeconds((int) Math.min(Integer.MAX_VALUE, window.toSeconds()));
        if (range != null) {
            Timestamp start = range.start(Instant.now());
            Timestamp end = range.end();
            if (start != null) {
                request.setStartTime(start);
            }
            if (end != null) {
                request.setEndTime(end);
            }
        }
        ModelQuality quality = session.services().monitoring().getModelQuality(request.build());
        session.printer().print(quality, () -> QualityView.table(quality));
        return ExitCodes.OK;
    }
}
