package dev.aiaas.models;

/** A job asked for a GPU on a machine whose engine sees none; the message says what to do. */
public class GpuUnavailableException extends RuntimeException {

    public GpuUnavailableException(String message) {
        super(message);
    }
}
