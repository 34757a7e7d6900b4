package dev.aiaas.registry.model;

import java.time.Instant;

/**
 * One move of an alias.
 *
 * @param version the version it now points at, 0 when the change deleted it
 * @param previousVersion the version it pointed at before, 0 when it was new
 * @param movedBy the token subject of whoever moved it, empty when unknown
 */
public record AliasChange(String modelName, String alias, long version, long previousVersion, Instant changedAt,
        String movedBy) {
}
