package dev.aiaas.errors;

import io.grpc.Status;

/** What went wrong, in the vocabulary clients branch on; each kind is one gRPC status code. */
public enum ErrorKind {
    INVALID_ARGUMENT(Status.Code.INVALID_ARGUMENT),
    NOT_FOUND(Status.Code.NOT_FOUND),
    ALREADY_EXISTS(Status.Code.ALREADY_EXISTS),
    FAILED_PRECONDITION(Status.Code.FAILED_PRECONDITION),
    ABORTED(Status.Code.ABORTED),
    RESOURCE_EXHAUSTED(Status.Code.RESOURCE_EXHAUSTED),
    UNAVAILABLE(Status.Code.UNAVAILABLE),
    DATA_LOSS(Status.Code.DATA_LOSS),
    DEADLINE_EXCEEDED(Status.Code.DEADLINE_EXCEEDED),
    PERMISSION_DENIED(Status.Code.PERMISSION_DENIED),
    UNAUTHENTICATED(Status.Code.UNAUTHENTICATED);

    private final Status.Code code;

    ErrorKind(Status.Code code) {
        this.code = code;
    }

    public Status.Code code() {
        return code;
    }
}
