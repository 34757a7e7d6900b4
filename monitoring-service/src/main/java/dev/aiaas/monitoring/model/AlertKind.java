package dev.aiaas.monitoring.model;

/** What an alert rule watches; how each reads its threshold is {@link AlertRule}'s. */
public enum AlertKind {
    /** The endpoint's drift report says the input drifted. */
    DRIFT,
    /** Live accuracy below the version's test accuracy minus a margin. */
    ACCURACY,
    /** p99 latency above a number of seconds. */
    LATENCY_P99,
    /** The share of failed requests above a share. */
    ERROR_RATE,
    /** Requests per window below a share of the trailing hour's mean. */
    TRAFFIC_DROP
}
