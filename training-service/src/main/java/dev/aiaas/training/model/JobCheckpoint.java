package dev.aiaas.training.model;

/** The parameters a job saved after its last finished epoch: an object and its SHA-256. */
public record JobCheckpoint(int epoch, String key, String sha256) {
}
