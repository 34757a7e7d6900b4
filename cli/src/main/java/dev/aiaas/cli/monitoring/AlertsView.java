package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.monitoring.v1.Alert;
import dev.aiaas.proto.monitoring.v1.AlertKind;
import dev.aiaas.proto.monitoring.v1.AlertRule;
import dev.aiaas.proto.monitoring.v1.AlertRules;
import dev.aiaas.proto.monitoring.v1.AlertState;
import java.util.List;

/** An endpoint's {@link AlertRules} and a listing of {@link Alert}s as text. */
final class AlertsView {

    private AlertsView() {
    }

    static String rules(AlertRules r) {
        String head = new Fields().add("endpoint", r.getEndpoint()).toString();
        if (r.getRulesCount() == 0) {
            return head + "no alert rules: set them with aiaas alerts rules " + r.getEndpoint()
                    + " --rule NAME:KIND[:THRESHOLD]";
        }
        TextTable table = TextTable.of("RULE", "KIND", "FIRES WHEN", "FOR", "CLEAR", "SEVERITY");
        for (AlertRule rule : r.getRulesList()) {
            table.row(rule.getName(), AlertRuleFlag.name(rule.getKind()), firesWhen(rule),
                    orDefault(rule.getForEvaluations()), orDefault(rule.getClearEvaluations()),
                    rule.getSeverity().isEmpty() ? "warning" : rule.getSeverity());
        }
        return head + "\n" + table;
    }

    static String alerts(List<Alert> alerts, boolean firingOnly) {
        if (alerts.isEmpty()) {
            return firingOnly ? "no alert is firing" : "no alerts";
        }
        TextTable table = TextTable.of("STARTED", "ENDED", "ENDPOINT", "RULE", "KIND", "SEVERITY", "STATE",
                "VALUE VS THRESHOLD", "SUMMARY");
        for (Alert a : alerts) {
            table.row(Cells.time(a.getStartsAt()), Cells.time(a.getEndsAt()), a.getEndpoint(), a.getRule(),
                    AlertRuleFlag.name(a.getKind()), Cells.text(a.getSeverity()), state(a.getState()), value(a),
                    Cells.text(a.getSummary()));
        }
        return table.toString();
    }

    private static String firesWhen(AlertRule rule) {
        String threshold = Cells.significant(rule.getThreshold());
        return switch (rule.getKind()) {
            case DRIFT -> "the input drifted (by the drift policy)";
            case ACCURACY -> "accuracy < " + Cells.significant(rule.getBaselineAccuracy()) + " - " + threshold
                    + " (in a window of " + (rule.getMinSamples() == 0 ? 50 : rule.getMinSamples()) + "+ judged rows)";
            case LATENCY_P99 -> "p99 latency > " + threshold + " s";
            case ERROR_RATE -> "failed share > " + threshold;
            case TRAFFIC_DROP -> "requests < " + threshold + " of the hour before's";
            default -> "-";
        };
    }

    /** The figure it fired on against the threshold, and the one it resolved on. */
    private static String value(Alert a) {
        String fired = Cells.significant(a.getFiredValue())
                + (a.getKind() == AlertKind.DRIFT ? "" : " vs " + Cells.significant(a.getThreshold()));
        return a.getState() == AlertState.RESOLVED ? fired + ", resolved at " + Cells.significant(a.getResolvedValue())
                : fired;
    }

    private static String state(AlertState state) {
        return switch (state) {
            case FIRING -> "firing";
            case RESOLVED -> "resolved";
            default -> "-";
        };
    }

    private static int orDefault(int evaluations) {
        return evaluations == 0 ? 2 : evaluations;
    }
}
