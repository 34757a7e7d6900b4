package dev.aiaas.training.model;

import java.time.Instant;

/** A running job (of {@code project}) whose worker stopped renewing its lease. */
public record ExpiredLease(String project, String jobId, String workerId, int attempts, Instant expiredAt, int checkpointEpoch) {
}
