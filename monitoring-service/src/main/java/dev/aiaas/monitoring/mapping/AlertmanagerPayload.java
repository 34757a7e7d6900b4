package dev.aiaas.monitoring.mapping;

import dev.aiaas.monitoring.model.Alert;
import dev.aiaas.monitoring.model.AlertState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert as Prometheus Alertmanager's webhook receiver gets one (payload version "4"), so that
 * whatever already reads Alertmanager's webhooks reads monitoring's: one alert per payload, grouped
 * by its own labels.
 */
public final class AlertmanagerPayload {

    /** The payload version Alertmanager's webhook sends. */
    public static final String VERSION = "4";
    /** Alertmanager's "not ended" time, which an alert still firing carries as endsAt. */
    private static final String NOT_ENDED = "0001-01-01T00:00:00Z";
    private static final String RECEIVER = "aiaas-monitoring";

    private AlertmanagerPayload() {
    }

    /** The payload of {@code alert}'s latest change, as a JSON object tree. */
    public static Map<String, Object> of(Alert alert) {
        String status = alert.state() == AlertState.RESOLVED ? "resolved" : "firing";
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alert.rule());
        labels.put("endpoint", alert.endpoint());
        labels.put("project", alert.project());
        labels.put("severity", alert.severity());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", alert.summary());
        annotations.put("description", alert.description());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("status", status);
        entry.put("labels", labels);
        entry.put("annotations", annotations);
        entry.put("startsAt", alert.startsAt().toString());
        entry.put("endsAt", alert.endsAt() == null ? NOT_ENDED : alert.endsAt().toString());
        entry.put("generatorURL", "");
        entry.put("fingerprint", alert.id());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", VERSION);
        payload.put("groupKey", groupKey(labels));
        payload.put("truncatedAlerts", 0);
        payload.put("status", status);
        payload.put("receiver", RECEIVER);
        payload.put("groupLabels", labels);
        payload.put("commonLabels", labels);
        payload.put("commonAnnotations", annotations);
        payload.put("externalURL", "");
        payload.put("alerts", List.of(entry));
        return payload;
    }

    private static String groupKey(Map<String, String> labels) {
        StringBuilder key = new StringBuilder("{}:{");
        labels.forEach((name, value) -> key.append(key.length() > 4 ? ", " : "").append(name).append("=\"")
                .append(value.replace("\"", "\\\"")).append('"'));
        return key.append('}').toString();
    }
}
