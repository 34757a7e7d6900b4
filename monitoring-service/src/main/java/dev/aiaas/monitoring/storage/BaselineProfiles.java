package dev.aiaas.monitoring.storage;

import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.FeatureProfileJson;
import dev.aiaas.storage.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Baseline profiles from the artifact store, verified by SHA-256 and cached: a model
 * version's profile never changes (immutable keys).
 */
@ApplicationScoped
public class BaselineProfiles {

    @Inject
    ArtifactStore store;

    private final Map<String, FeatureProfile> cache = new ConcurrentHashMap<>();

    public FeatureProfile load(String key, String sha256) {
        return cache.computeIfAbsent(key + "@" + sha256, k -> FeatureProfileJson.read(
                new String(store.readAllVerified(key, sha256), StandardCharsets.UTF_8)));
    }
}
