package dev.aiaas.storage;

/** No object is stored under the key. */
public class ArtifactNotFoundException extends ArtifactStoreException {

    private static final long serialVersionUID = 1L;

    public ArtifactNotFoundException(String key, Throwable cause) {
        super(key, "artifact " + key + " not found", cause);
    }
}
