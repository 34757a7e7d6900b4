package dev.aiaas.cli.demo;

import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.ModelMetrics;
import java.io.PrintStream;
import java.util.List;

/** Everything the demo measured, printed as its closing summary. */
public record DemoSummary(List<DatasetOutcome> datasets, int requestsSent, ModelMetrics irisMetrics,
        DriftReport irisDrift, double seconds) implements ScenarioSummary {

    @Override
    public void print(PrintStream out) {
        out.println();
        out.println("=== aiaas demo summary ===");
        out.println("dataset  version  rows   splits (train/val/test)  model version  test accuracy  macro F1");
        for (DatasetOutcome d : datasets) {
            out.printf("%-8s v%-7d %-6d %-24s v%-13d %-14.4f %.4f%n", d.dataset(), d.datasetVersion(), d.rows(),
                    d.splitRows(), d.modelVersion(), d.accuracy(), d.testMetrics().getOrDefault("f1_macro", 0.0));
        }
        out.println();
        out.println("predictions through the Open Inference Protocol (raw inputs; the server applies the fitted transform):");
        for (DatasetOutcome d : datasets) {
            for (DatasetOutcome.Prediction p : d.predictions()) {
                out.printf("  %-7s actual %-11s predicted %-11s p=%.3f %s%n", d.dataset(), p.actual(), p.predicted(),
                        p.probability(), p.actual().equals(p.predicted()) ? "" : "(miss)");
            }
        }
        out.println();
        out.printf("monitoring of endpoint iris: %d requests (%d sent by the demo), %d errors, latency p50 %.2f ms, "
                        + "p95 %.2f ms, p99 %.2f ms%n", irisMetrics.getRequestCount(), requestsSent,
                irisMetrics.getErrorCount(), irisMetrics.getLatency().getP50Seconds() * 1e3,
                irisMetrics.getLatency().getP95Seconds() * 1e3, irisMetrics.getLatency().getP99Seconds() * 1e3);
        out.printf("drift of endpoint iris vs its training baseline (%d rows): overall PSI %.4f, drifted: %s%n",
                irisDrift.getSampleCount(), irisDrift.getOverallPsi(), irisDrift.getDrifted());
        irisDrift.getFeaturesList().forEach(f -> out.printf("  %-13s PSI %.4f%s%n", f.getFeature(), f.getPsi(),
                f.getDrifted() ? "  drifted" : ""));
        out.printf("%nthe whole lifecycle took %.1f s%n", seconds);
    }
}
