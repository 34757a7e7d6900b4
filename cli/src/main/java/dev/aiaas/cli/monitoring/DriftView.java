package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.monitoring.v1.DriftMethod;
import dev.aiaas.proto.monitoring.v1.DriftPolicy;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.FeatureDrift;
import java.util.Locale;

/** A {@link DriftReport} and a {@link DriftPolicy} as text. */
final class DriftView {

    private DriftView() {
    }

    static String report(DriftReport r) {
        String head = new Fields()
                .add("endpoint", r.getEndpoint())
                .add("model", r.getModelName() + ":" + r.getModelVersion())
                .add("rows compared", r.getSampleCount())
                .add("drifted share", Cells.figure(r.getDriftShare()) + " of features (drifts at "
                        + Cells.figure(r.getDriftShareThreshold()) + ")" + (r.getDrifted() ? ": drifted" : ""))
                .add("overall PSI", Cells.figure(r.getOverallPsi()) + " (PSI threshold " + Cells.figure(r.getThreshold())
                        + ")")
                .add("policy", policyLine(r.getPolicy()))
                .toString();
        TextTable features = featureTable();
        r.getFeaturesList().forEach(f -> featureRow(features, f.getFeature(), f));
        String prediction;
        if (r.hasPrediction()) {
            TextTable answers = featureTable();
            featureRow(answers, "(prediction)", r.getPrediction());
            prediction = "prediction drift (newest answers of this version against its first):\n" + answers;
        } else {
            prediction = "prediction drift: not yet (the version has fewer than two sampled requests with answers)\n";
        }
        return head + "\n" + features + "\n" + prediction;
    }

    static String policy(DriftPolicy p) {
        return new Fields()
                .add("endpoint", p.getEndpoint())
                .add("numeric", method(p.getNumericMethod(), p.getNumericThreshold(), "ks (p < 0.05) up to 1,000 rows, "
                        + "wasserstein (>= 0.1) above"))
                .add("categorical", method(p.getCategoricalMethod(), p.getCategoricalThreshold(), "chi-square (p < 0.05) "
                        + "up to 1,000 rows, jensen-shannon (>= 0.1) above"))
                .add("drift share", p.getDriftShare() == 0 ? "0.5 (default)" : Cells.figure(p.getDriftShare()))
                .toString();
    }

    private static String policyLine(DriftPolicy p) {
        return "numeric " + DriftMethodFlag.name(p.getNumericMethod()) + threshold(p.getNumericThreshold())
                + ", categorical " + DriftMethodFlag.name(p.getCategoricalMethod()) + threshold(p.getCategoricalThreshold())
                + ", share " + (p.getDriftShare() == 0 ? "0.5" : Cells.figure(p.getDriftShare()))
                + " (aiaas drift policy " + p.getEndpoint() + " changes it)";
    }

    private static String method(DriftMethod method, double threshold, String auto) {
        if (method == DriftMethod.DRIFT_METHOD_UNSPECIFIED || method == DriftMethod.UNRECOGNIZED) {
            return "auto: " + auto;
        }
        return DriftMethodFlag.name(method) + (threshold == 0 ? " at its default threshold" : " at " + Cells.figure(threshold));
    }

    private static String threshold(double value) {
        return value == 0 ? "" : " at " + Cells.figure(value);
    }

    private static TextTable featureTable() {
        return TextTable.of("FEATURE", "KIND", "METHOD", "STATISTIC", "P-VALUE", "THRESHOLD", "DRIFTED", "PSI");
    }

    private static void featureRow(TextTable table, String name, FeatureDrift f) {
        String kind = switch (f.getKind()) {
            case NUMERIC, CATEGORICAL -> f.getKind().name().toLowerCase(Locale.ROOT);
            default -> "-";
        };
        String method = f.getMethod() == DriftMethod.DRIFT_METHOD_UNSPECIFIED ? "-" : DriftMethodFlag.name(f.getMethod());
        table.row(name, kind, method,
                Cells.figure(f.getStatistic()), Double.isNaN(f.getPValue()) ? "-" : Cells.figure(f.getPValue()),
                Cells.figure(f.getThreshold()), f.getDrifted() ? "yes" : "no", Cells.figure(f.getPsi()));
    }
}
