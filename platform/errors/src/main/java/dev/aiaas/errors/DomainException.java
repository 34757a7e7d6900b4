package dev.aiaas.errors;

/**
 * A failure the caller can act on. The message is shown to clients as it is, so it says
 * what is wrong and what to do, and never carries internals.
 */
public class DomainException extends RuntimeException {

    private final ErrorKind kind;

    public DomainException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DomainException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }

    public static DomainException invalid(String message) {
        return new DomainException(ErrorKind.INVALID_ARGUMENT, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(ErrorKind.NOT_FOUND, message);
    }

    public static DomainException alreadyExists(String message) {
        return new DomainException(ErrorKind.ALREADY_EXISTS, message);
    }

    public static DomainException failedPrecondition(String message) {
        return new DomainException(ErrorKind.FAILED_PRECONDITION, message);
    }

    /** A concurrent change got there first: the client may retry once it has looked again. */
    public static DomainException aborted(String message) {
        return new DomainException(ErrorKind.ABORTED, message);
    }

    public static DomainException exhausted(String message) {
        return new DomainException(ErrorKind.RESOURCE_EXHAUSTED, message);
    }

    public static DomainException deadlineExceeded(String message) {
        return new DomainException(ErrorKind.DEADLINE_EXCEEDED, message);
    }

    public static DomainException unavailable(String message, Throwable cause) {
        return new DomainException(ErrorKind.UNAVAILABLE, message, cause);
    }

    /** Stored data no longer matches what was committed for it (a digest or manifest mismatch). */
    public static DomainException dataLoss(String message, Throwable cause) {
        return new DomainException(ErrorKind.DATA_LOSS, message, cause);
    }
}
