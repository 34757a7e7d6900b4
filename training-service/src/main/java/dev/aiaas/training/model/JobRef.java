package dev.aiaas.training.model;

/** A job named by its project and id, as the queue keeper finds it among every project's jobs. */
public record JobRef(String project, String id) {
}
