package dev.aiaas.localstack;

/**
 * The stack could not start. The message says what went wrong and what to do about it (free a
 * port, build the jars, read a log); it is printed as it is, without a stack trace.
 */
public class StackStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
