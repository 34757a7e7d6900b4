package dev.aiaas.monitoring.model;

import java.util.Comparator;

/** One model version in one role at an endpoint: what per-version figures are counted by. */
public record VersionKey(String modelName, long modelVersion, ServedRole role) {

    /** By name, version, then role (champion, challenger, shadow). */
    public static final Comparator<VersionKey> ORDER = Comparator.comparing(VersionKey::modelName)
            .thenComparingLong(VersionKey::modelVersion).thenComparing(VersionKey::role);
}
