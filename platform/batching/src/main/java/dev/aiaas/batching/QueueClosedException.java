package dev.aiaas.batching;

/**
 * The endpoint's queue was closed (endpoint undeployed or server stopping) before the request
 * ran; it was not computed.
 */
public final class QueueClosedException extends RuntimeException {

    public QueueClosedException(String endpoint) {
        super("endpoint '" + endpoint + "' is closed (undeployed or the server is stopping); the"
                + " request was not computed: send it again once the endpoint is deployed");
    }
}
