package dev.aiaas.security;

import io.grpc.Status;

/**
 * A call that may not go on: why, as the gRPC status the caller gets (UNAUTHENTICATED,
 * PERMISSION_DENIED, NOT_FOUND for a project the caller cannot see, INVALID_ARGUMENT) and a
 * message that says what to fix.
 */
public final class AccessDenied extends Exception {

    private static final long serialVersionUID = 1L;

    private final Status.Code code;
    private final String subject;

    /** A refusal before the caller is known (no valid token). */
    public AccessDenied(Status.Code code, String message) {
        this(code, message, "");
    }

    /** A refusal of a known caller, {@code subject}. */
    public AccessDenied(Status.Code code, String message, String subject) {
        super(message, null, false, false);
        this.code = code;
        this.subject = subject;
    }

    /** Who was refused, when the token was valid; empty otherwise. */
    public String subject() {
        return subject;
    }

    public Status.Code code() {
        return code;
    }

    public Status status() {
        return Status.fromCode(code).withDescription(getMessage());
    }
}
