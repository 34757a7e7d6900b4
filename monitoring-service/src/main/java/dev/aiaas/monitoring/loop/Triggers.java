package dev.aiaas.monitoring.loop;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.monitoring.client.IngestCalls;
import dev.aiaas.monitoring.model.Alert;
import dev.aiaas.monitoring.model.AlertState;
import dev.aiaas.monitoring.model.RetrainingPolicy;
import dev.aiaas.monitoring.model.RetrainingRun;
import dev.aiaas.monitoring.storage.AlertStore;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a policy's trigger fired: an alert of one of its rules that started firing after the
 * last run ended, or enough rows in the champion's dataset that neither the champion nor the last
 * run was trained on.
 */
@ApplicationScoped
public class Triggers {

    /** The firing alerts looked at per pass and endpoint. */
    private static final int ALERTS_READ = 100;

    @Inject
    AlertStore alerts;

    @Inject
    IngestCalls ingest;

    /** Why a run starts, with the figures. */
    public record Trigger(String reason, Map<String, Double> figures) {
    }

    /** An alert of one of the policy's rules that started firing after {@code last} ended (null: never ran). */
    public Optional<Trigger> alertFired(String project, RetrainingPolicy policy, RetrainingRun last) {
        if (policy.triggerAlerts().isEmpty()) {
            return Optional.empty();
        }
        Instant since = last == null ? Instant.EPOCH : last.finishedAt();
        List<Alert> firing = run(() -> alerts.list(project, policy.endpoint(), AlertState.FIRING, ALERTS_READ));
        for (Alert alert : firing) {
            if (policy.triggerAlerts().contains(alert.rule()) && alert.startsAt().isAfter(since)) {
                Map<String, Double> figures = new LinkedHashMap<>();
                figures.put("alert_value", alert.firedValue());
                figures.put("alert_threshold", alert.threshold());
                return Optional.of(new Trigger("alert " + alert.rule() + " fired: " + alert.summary(), figures));
            }
        }
        return Optional.empty();
    }

    /**
     * Enough rows in {@code dataset} after version {@code trainedThrough} (the newest the champion
     * or the last run used), when the policy counts rows.
     */
    public Optional<Trigger> newRecords(RetrainingPolicy policy, String dataset, long trainedThrough) {
        if (policy.triggerNewRecords() > 0 && !dataset.isEmpty()) {
            long rows = newRows(dataset, trainedThrough);
            if (rows >= policy.triggerNewRecords()) {
                Map<String, Double> figures = new LinkedHashMap<>();
                figures.put("new_rows", (double) rows);
                figures.put("trigger_new_records", (double) policy.triggerNewRecords());
                return Optional.of(new Trigger(rows + " rows of dataset " + dataset + " arrived after v"
                        + trainedThrough + " (the trigger is " + policy.triggerNewRecords() + ")", figures));
            }
        }
        return Optional.empty();
    }

    /** Open rows and rows of versions sealed after {@code trainedThrough}. */
    private long newRows(String dataset, long trainedThrough) {
        Dataset described = ingest.dataset(dataset);
        long rows = described.getOpenRows();
        if (described.getLatestVersion() > trainedThrough) {
            for (DatasetVersion version : ingest.versions(dataset)) {
                if (version.getVersion() > trainedThrough) {
                    rows += version.getRowCount();
                }
            }
        }
        return rows;
    }
}
