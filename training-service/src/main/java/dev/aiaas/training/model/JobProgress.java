package dev.aiaas.training.model;

import java.time.Instant;
import java.util.Map;

/** One step of a job's progress: a state change or a finished epoch. */
public record JobProgress(long sequence, String jobId, JobState state, int epoch, Double trainLoss,
        Map<String, Double> metrics, String message, Instant at) {
}
