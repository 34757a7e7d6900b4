package dev.aiaas.monitoring.model;

/**
 * Where a rule's alert is: INACTIVE (never breached, or back to clear before it fired), PENDING
 * (breaching, not yet for long enough), FIRING, RESOLVED (clear for long enough after firing).
 */
public enum AlertState {
    INACTIVE, PENDING, FIRING, RESOLVED
}
