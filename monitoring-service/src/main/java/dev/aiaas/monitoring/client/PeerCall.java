package dev.aiaas.monitoring.client;

import dev.aiaas.errors.DomainException;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/**
 * One call to another platform service, its status turned into monitoring's errors once: a peer
 * that is away or busy (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED) is
 * UNAVAILABLE, to be tried again; NOT_FOUND and FAILED_PRECONDITION keep their code; any other
 * refusal is FAILED_PRECONDITION, with the peer's message.
 */
final class PeerCall {

    private PeerCall() {
    }

    static <T> T call(String service, String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            String message = service + " did not " + what + ": " + e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription());
            throw switch (e.getStatus().getCode()) {
                case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED -> DomainException.unavailable(message, e);
                case NOT_FOUND -> DomainException.notFound(message);
                default -> DomainException.failedPrecondition(message);
            };
        }
    }
}
