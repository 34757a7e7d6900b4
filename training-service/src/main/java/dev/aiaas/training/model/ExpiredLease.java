package dev.aiaas.training.model;

import java.time.Instant;

/** A running job whose worker stopped renewing its lease. */
public record ExpiredLease(String jobId, String workerId, int attempts, Instant expiredAt, int checkpointEpoch) {
}
