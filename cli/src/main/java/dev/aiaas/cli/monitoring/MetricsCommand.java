package dev.aiaas.cli.monitoring;

import com.google.protobuf.Timestamp;
import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.monitoring.v1.GetModelMetricsRequest;
import dev.aiaas.proto.monitoring.v1.LatencySummary;
import dev.aiaas.proto.monitoring.v1.MetricsWindow;
import dev.aiaas.proto.monitoring.v1.ModelMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas metrics ENDPOINT}: traffic, errors and latency as monitoring counted them. */
@Command(name = "metrics", description = {"Show an endpoint's traffic, errors and latency percentiles.",
    "In total and per time window, as monitoring counted them from the prediction log."})
public final class MetricsCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint")
    String endpoint;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "PT1M",
            description = "the width of each window, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration window;

    @Option(names = "--since", paramLabel = "DURATION",
            description = "report the time range ending now of this length, ISO-8601 (default: the service's, 24 hours)")
    Duration since;

    @Override
    protected int run(Session session) {
        GetModelMetricsRequest.Builder request = GetModelMetricsRequest.newBuilder().setEndpoint(endpoint)
                .setWindowSeconds((int) window.toSeconds());
        if (since != null) {
            Instant start = Instant.now().minus(since);
            request.setStartTime(Timestamp.newBuilder().setSeconds(start.getEpochSecond()).setNanos(start.getNano()));
        }
        ModelMetrics metrics = session.services().monitoring().getModelMetrics(request.build());
        session.printer().print(metrics, () -> table(metrics));
        return ExitCodes.OK;
    }

    private static String table(ModelMetrics m) {
        String head = new Fields()
                .add("endpoint", m.getEndpoint())
                .add("range", Cells.time(m.getStartTime()) + " to " + Cells.time(m.getEndTime()))
                .add("requests", m.getRequestCount())
                .add("errors", m.getErrorCount())
                .add("rows", m.getRowCount())
                .add("latency", latency(m.getLatency()))
                .toString();
        TextTable windows = TextTable.of("WINDOW", "REQUESTS", "ERRORS", "P50", "P95", "P99");
        for (MetricsWindow w : m.getWindowsList()) {
            windows.row(Cells.time(w.getStart()), w.getRequestCount(), w.getErrorCount(), ms(w.getLatency().getP50Seconds()),
                    ms(w.getLatency().getP95Seconds()), ms(w.getLatency().getP99Seconds()));
        }
        return head + (windows.isEmpty() ? "" : "\n" + windows);
    }

    private static String latency(LatencySummary l) {
        return "p50 " + ms(l.getP50Seconds()) + ", p95 " + ms(l.getP95Seconds()) + ", p99 " + ms(l.getP99Seconds());
    }

    private static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.2f ms", seconds * 1000);
    }
}
