package dev.aiaas.monitoring.model;

/** What the retraining loop decided. */
public enum DecisionAction {
    /** A trigger fired and a retraining job was submitted. */
    RETRAIN,
    /** A trigger fired but nothing could be done (no new data, a champion without lineage). */
    SKIP,
    /** The challenger was trained and now gets copies of requests. */
    START_SHADOW,
    /** The challenger now answers its weight of requests. */
    START_CANARY,
    /** The challenger became the champion. */
    PROMOTE,
    /** The challenger was taken out of the traffic. */
    ROLL_BACK,
    /** The run stopped: the job failed, or a service refused. */
    FAIL
}
