package dev.aiaas.monitoring.dashboard;

import static dev.aiaas.monitoring.dashboard.JsonNumbers.finite;

import dev.aiaas.monitoring.model.Alert;
import java.time.Instant;

/**
 * An alert as the dashboard lists it (ListAlerts' fields).
 *
 * @param state   FIRING or RESOLVED
 * @param value   the figure read at its latest change
 * @param endsAt  when it resolved; null while firing
 */
public record AlertView(String id, String endpoint, String rule, String kind, String severity, String state,
        Double value, Double firedValue, Double resolvedValue, Double threshold, String summary,
        String description, Instant startsAt, Instant endsAt) {

    static AlertView of(Alert alert) {
        return new AlertView(alert.id(), alert.endpoint(), alert.rule(), alert.kind().name(), alert.severity(),
                alert.state().name(), finite(alert.value()), finite(alert.firedValue()),
                finite(alert.resolvedValue()), finite(alert.threshold()), alert.summary(), alert.description(),
                alert.startsAt(), alert.endsAt());
    }
}
