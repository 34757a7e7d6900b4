package dev.aiaas.storage;

/** What the store accepts as an artifact key. */
final class ArtifactKey {

    private ArtifactKey() {
    }

    /**
     * Returns {@code key} if the store accepts it.
     *
     * @throws IllegalArgumentException if it is blank or lies under the reserved staging prefix
     */
    static String check(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("artifact key must not be blank");
        }
        if (key.startsWith(ArtifactUpload.STAGING_PREFIX)) {
            throw new IllegalArgumentException("keys under " + ArtifactUpload.STAGING_PREFIX + " are reserved: " + key);
        }
        return key;
    }
}
