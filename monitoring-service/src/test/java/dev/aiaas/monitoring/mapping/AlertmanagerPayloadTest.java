package dev.aiaas.monitoring.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.monitoring.model.Alert;
import dev.aiaas.monitoring.model.AlertKind;
import dev.aiaas.monitoring.model.AlertState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerPayloadTest {

    private static final Instant FIRED = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aFiringAlertHasAlertmanagersShapeAndNoEnd() {
        Map<String, Object> payload = AlertmanagerPayload.of(alert(AlertState.FIRING, null));

        assertThat(payload).containsEntry("version", "4").containsEntry("status", "firing");
        Map<?, ?> alert = (Map<?, ?>) ((List<?>) payload.get("alerts")).get(0);
        assertThat(alert.get("labels")).isEqualTo(Map.of("alertname", "slow", "endpoint", "iris",
                "project", "default", "severity", "critical"));
        assertThat(((Map<?, ?>) alert.get("annotations")).get("description")).isEqualTo("p99 0.2 s");
        assertThat(alert.get("startsAt")).isEqualTo("2026-12-02T10:00:00Z");
        assertThat(alert.get("endsAt")).isEqualTo("0001-01-01T00:00:00Z");
    }

    @Test
    void aResolvedAlertCarriesItsEnd() {
        Map<String, Object> payload = AlertmanagerPayload.of(alert(AlertState.RESOLVED, FIRED.plusSeconds(90)));

        assertThat(payload).containsEntry("status", "resolved");
        Map<?, ?> alert = (Map<?, ?>) ((List<?>) payload.get("alerts")).get(0);
        assertThat(alert.get("status")).isEqualTo("resolved");
        assertThat(alert.get("endsAt")).isEqualTo("2026-12-02T10:01:30Z");
    }

    private static Alert alert(AlertState state, Instant ends) {
        return new Alert("a1", "default", "iris", "slow", AlertKind.LATENCY_P99, "critical", state, 0.2, 0.01, 0.05,
                "p99 latency of endpoint iris above 0.05 s", "p99 0.2 s", FIRED, ends);
    }
}
