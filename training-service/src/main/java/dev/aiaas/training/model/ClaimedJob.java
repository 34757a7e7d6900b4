package dev.aiaas.training.model;

import java.util.Optional;

/** A job this worker took: where it starts from (a checkpoint when an earlier worker vanished). */
public record ClaimedJob(String jobId, Optional<JobCheckpoint> resumeFrom) {
}
