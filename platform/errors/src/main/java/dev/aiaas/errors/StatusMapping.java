package dev.aiaas.errors;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns any throwable into the Status a client sees. Domain failures keep their message;
 * anything unexpected becomes INTERNAL with an error id that is also logged (with its
 * stack trace) so an operator can find it. Never UNKNOWN, never a stack trace on the wire.
 */
public final class StatusMapping {

    private static final Logger LOG = Logger.getLogger(StatusMapping.class);

    private StatusMapping() {
    }

    public static Status toStatus(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof DomainException domain) {
            return Status.fromCode(domain.kind().code()).withDescription(domain.getMessage());
        }
        if (t instanceof StatusRuntimeException sre) {
            return known(sre.getStatus(), t);
        }
        if (t instanceof StatusException se) {
            return known(se.getStatus(), t);
        }
        if (t instanceof IllegalArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription(t.getMessage());
        }
        return internal(t);
    }

    /**
     * The code a client would see for {@code failure}, for metrics and logs; unlike
     * {@link #toStatus} it logs nothing, so one failure gets one error id, where it is answered.
     */
    public static Status.Code codeOf(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof DomainException domain) {
            return domain.kind().code();
        }
        if (t instanceof StatusRuntimeException sre && sre.getStatus().getCode() != Status.Code.UNKNOWN) {
            return sre.getStatus().getCode();
        }
        if (t instanceof StatusException se && se.getStatus().getCode() != Status.Code.UNKNOWN) {
            return se.getStatus().getCode();
        }
        return t instanceof IllegalArgumentException ? Status.Code.INVALID_ARGUMENT : Status.Code.INTERNAL;
    }

    private static Status known(Status status, Throwable t) {
        return status.getCode() == Status.Code.UNKNOWN ? internal(t) : status;
    }

    private static Status internal(Throwable t) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(t, "internal error %s", id);
        return Status.INTERNAL.withDescription(
                "internal error " + id + ": the server logged the details; retry, or report this id");
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
