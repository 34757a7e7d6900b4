package dev.aiaas.registry.model;

import java.time.Instant;
import java.util.Map;

/** A named model: the home of its versions and aliases. */
public record RegisteredModel(
        String name,
        String description,
        Map<String, String> tags,
        Map<String, Long> aliases,
        long latestVersion,
        Instant createdAt) {
}
