package dev.aiaas.storage;

/** A stored record is not the JSON of the proto message it should hold. */
public class ArtifactFormatException extends ArtifactStoreException {

    private static final long serialVersionUID = 1L;

    public ArtifactFormatException(String key, String messageType, Throwable cause) {
        super(key, key + " is not the JSON of a " + messageType + ": " + cause.getMessage(), cause);
    }
}
