package dev.aiaas.monitoring.model;

import java.time.Instant;

/**
 * One firing of a rule of an endpoint, and its resolution.
 *
 * @param state         FIRING or RESOLVED
 * @param firedValue    the figure read when it fired
 * @param resolvedValue the figure read when it resolved; 0 while firing
 * @param endsAt        when it resolved; null while firing
 */
public record Alert(String id, String project, String endpoint, String rule, AlertKind kind, String severity,
        AlertState state, double firedValue, double resolvedValue, double threshold, String summary,
        String description, Instant startsAt, Instant endsAt) {

    /** The figure read at this alert's latest change. */
    public double value() {
        return state == AlertState.RESOLVED ? resolvedValue : firedValue;
    }
}
