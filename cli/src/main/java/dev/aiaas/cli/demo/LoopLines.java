package dev.aiaas.cli.demo;

import com.google.protobuf.Timestamp;
import dev.aiaas.cli.output.Cells;
import dev.aiaas.proto.monitoring.v1.Alert;
import dev.aiaas.proto.monitoring.v1.AlertState;
import dev.aiaas.proto.monitoring.v1.Decision;
import dev.aiaas.proto.monitoring.v1.DecisionAction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the retraining loop did, a line each, as the drift scenario prints it while it happens: a
 * decision (its time, action, versions, reason and key figures) or an alert firing or resolving.
 */
public final class LoopLines {

    /**
     * The figures a reader follows the loop by, in the order shown; a decision's others (every test
     * metric of the challenger's job, say) are for {@code aiaas retraining decisions}.
     */
    static final List<String> KEY_FIGURES = List.of("dataset_version", "test_accuracy", "samples_paired",
            "agreement", "samples_champion", "samples_challenger", "accuracy_champion", "accuracy_challenger", "gain",
            "mse_champion", "mse_challenger", "p99_ratio", "error_rate_champion", "error_rate_challenger");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LoopLines() {
    }

    /** {@code 12:03:04 start-canary (v1 → v2): <reason>  [samples_paired=31 agreement=0.3548 …]}, local time. */
    public static String decision(Decision d) {
        return decision(d, ZoneId.systemDefault());
    }

    static String decision(Decision d, ZoneId zone) {
        String figures = keyFigures(d);
        return clock(d.getDecidedAt(), zone) + " " + action(d.getAction()) + " (" + versions(d) + "): "
                + Cells.text(d.getReason()) + (figures.isEmpty() ? "" : "  [" + figures + "]");
    }

    /** {@code 12:02:40 alert drift fired: <summary>}, or {@code … resolved …}, local time. */
    public static String alert(Alert a) {
        return alert(a, ZoneId.systemDefault());
    }

    static String alert(Alert a, ZoneId zone) {
        boolean resolved = a.getState() == AlertState.RESOLVED;
        return clock(resolved ? a.getEndsAt() : a.getStartsAt(), zone) + " alert " + a.getRule()
                + (resolved ? " resolved" : " fired") + ": " + Cells.text(a.getSummary());
    }

    /** An action as the command line writes it: {@code roll-back}; unknown: {@code -}. */
    public static String action(DecisionAction action) {
        return action == DecisionAction.DECISION_ACTION_UNSPECIFIED || action == DecisionAction.UNRECOGNIZED ? "-"
                : action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code v1 → v2}; a challenger not registered yet is {@code -}. */
    static String versions(Decision d) {
        return (d.getChampionVersion() == 0 ? "-" : "v" + d.getChampionVersion()) + " → "
                + (d.getChallengerVersion() == 0 ? "-" : "v" + d.getChallengerVersion());
    }

    /** The decision's {@link #KEY_FIGURES} that it holds, to four significant digits. */
    static String keyFigures(Decision d) {
        List<String> shown = new ArrayList<>();
        for (String name : KEY_FIGURES) {
            if (d.getFiguresMap().containsKey(name)) {
                shown.add(name + "=" + Cells.significant(d.getFiguresMap().get(name)));
            }
        }
        return String.join(" ", shown);
    }

    /** {@code 10m}, {@code 1m30s}, {@code 45s}: a length of time as {@code --timeout} takes it. */
    public static String duration(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String clock(Timestamp t, ZoneId zone) {
        if (t.getSeconds() == 0 && t.getNanos() == 0) {
            return "--:--:--";
        }
        return CLOCK.withZone(zone).format(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
    }
}
