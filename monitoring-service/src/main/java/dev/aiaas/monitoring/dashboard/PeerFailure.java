package dev.aiaas.monitoring.dashboard;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Why a peer could not give the overview its part, in words for the page. */
final class PeerFailure {

    private PeerFailure() {
    }

    static String reason(String peer, StatusRuntimeException failure) {
        Status status = failure.getStatus();
        String detail = status.getCode() + (status.getDescription() == null ? "" : " " + status.getDescription());
        return switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED -> peer + " did not answer: " + detail;
            default -> peer + " refused: " + detail;
        };
    }
}
