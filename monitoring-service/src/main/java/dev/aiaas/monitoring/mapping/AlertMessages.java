package dev.aiaas.monitoring.mapping;

import dev.aiaas.events.EventHeaders;
import dev.aiaas.monitoring.model.Alert;
import dev.aiaas.monitoring.model.AlertKind;
import dev.aiaas.monitoring.model.AlertRule;
import dev.aiaas.monitoring.model.AlertState;
import dev.aiaas.proto.events.v1.AlertChanged;
import dev.aiaas.proto.monitoring.v1.AlertRules;
import java.util.List;

/** Alerts and alert rules between the domain and their messages (RPCs and the alert topic). */
public final class AlertMessages {

    /** The service named in the header of every alert event. */
    public static final String SOURCE = "monitoring-service";

    private AlertMessages() {
    }

    /**
     * The rules as the client sent them, checked, with their defaults.
     *
     * @throws IllegalArgumentException for a rule that cannot be read
     */
    public static List<AlertRule> rules(List<dev.aiaas.proto.monitoring.v1.AlertRule> rules) {
        return rules.stream().map(rule -> AlertRule.of(rule.getName(), kind(rule.getKind()), rule.getThreshold(),
                rule.getBaselineAccuracy(), rule.getMinSamples(), rule.getForEvaluations(),
                rule.getClearEvaluations(), rule.getSeverity())).toList();
    }

    public static AlertRules rules(String endpoint, List<AlertRule> rules) {
        return AlertRules.newBuilder().setEndpoint(endpoint).addAllRules(rules.stream()
                .map(rule -> dev.aiaas.proto.monitoring.v1.AlertRule.newBuilder()
                        .setName(rule.name())
                        .setKind(dev.aiaas.proto.monitoring.v1.AlertKind.valueOf(rule.kind().name()))
                        .setThreshold(rule.threshold())
                        .setBaselineAccuracy(rule.baselineAccuracy())
                        .setMinSamples(rule.minSamples())
                        .setForEvaluations(rule.forEvaluations())
                        .setClearEvaluations(rule.clearEvaluations())
                        .setSeverity(rule.severity())
                        .build()).toList()).build();
    }

    /** FIRING or RESOLVED from a request's state; null (any) for unset. */
    public static AlertState state(dev.aiaas.proto.monitoring.v1.AlertState state) {
        return switch (state) {
            case FIRING -> AlertState.FIRING;
            case RESOLVED -> AlertState.RESOLVED;
            default -> null;
        };
    }

    public static dev.aiaas.proto.monitoring.v1.Alert alert(Alert alert) {
        var message = dev.aiaas.proto.monitoring.v1.Alert.newBuilder()
                .setId(alert.id())
                .setEndpoint(alert.endpoint())
                .setRule(alert.rule())
                .setKind(dev.aiaas.proto.monitoring.v1.AlertKind.valueOf(alert.kind().name()))
                .setSeverity(alert.severity())
                .setState(alert.state() == AlertState.RESOLVED ? dev.aiaas.proto.monitoring.v1.AlertState.RESOLVED
                        : dev.aiaas.proto.monitoring.v1.AlertState.FIRING)
                .setFiredValue(alert.firedValue())
                .setResolvedValue(alert.resolvedValue())
                .setThreshold(alert.threshold())
                .setSummary(alert.summary())
                .setDescription(alert.description())
                .setStartsAt(EventHeaders.timestamp(alert.startsAt()));
        if (alert.endsAt() != null) {
            message.setEndsAt(EventHeaders.timestamp(alert.endsAt()));
        }
        return message.build();
    }

    /** The event of an alert's latest change, with a new event id. */
    public static AlertChanged changed(Alert alert) {
        var event = AlertChanged.newBuilder()
                .setHeader(EventHeaders.newHeader(SOURCE, alert.project()))
                .setAlertId(alert.id())
                .setEndpoint(alert.endpoint())
                .setRule(alert.rule())
                .setKind(alert.kind().name())
                .setSeverity(alert.severity())
                .setStatus(alert.state() == AlertState.RESOLVED ? AlertChanged.Status.RESOLVED
                        : AlertChanged.Status.FIRING)
                .setValue(alert.value())
                .setThreshold(alert.threshold())
                .setSummary(alert.summary())
                .setDescription(alert.description())
                .setStartsAt(EventHeaders.timestamp(alert.startsAt()));
        if (alert.endsAt() != null) {
            event.setEndsAt(EventHeaders.timestamp(alert.endsAt()));
        }
        return event.build();
    }

    private static AlertKind kind(dev.aiaas.proto.monitoring.v1.AlertKind kind) {
        return switch (kind) {
            case DRIFT -> AlertKind.DRIFT;
            case ACCURACY -> AlertKind.ACCURACY;
            case LATENCY_P99 -> AlertKind.LATENCY_P99;
            case ERROR_RATE -> AlertKind.ERROR_RATE;
            case TRAFFIC_DROP -> AlertKind.TRAFFIC_DROP;
            default -> null;
        };
    }
}
