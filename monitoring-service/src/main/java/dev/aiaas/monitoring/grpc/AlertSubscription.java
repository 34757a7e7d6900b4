package dev.aiaas.monitoring.grpc;

import dev.aiaas.monitoring.model.Alert;
import dev.aiaas.proto.events.v1.AlertChanged;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One WatchAlerts stream: the alerts now firing first, then each change, sent as fast as the
 * client reads (gRPC's readiness). What it has not read yet waits in a buffer of a fixed size;
 * a client that falls further behind is dropped with RESOURCE_EXHAUSTED instead of growing it.
 */
final class AlertSubscription {

    private final String project;
    private final String endpoint;
    private final ServerCallStreamObserver<AlertChanged> stream;
    private final int capacity;
    private final Deque<AlertChanged> pending = new ArrayDeque<>();
    private boolean started;
    private boolean closed;

    /** @param endpoint only this endpoint's alerts; null for every endpoint of {@code project} */
    AlertSubscription(String project, String endpoint, ServerCallStreamObserver<AlertChanged> stream, int capacity) {
        this.project = project;
        this.endpoint = endpoint;
        this.stream = stream;
        this.capacity = capacity;
    }

    boolean wants(Alert alert) {
        return alert.project().equals(project) && (endpoint == null || endpoint.equals(alert.endpoint()));
    }

    /** Queues a change; false when the subscriber was too far behind and is now dropped (or was closed). */
    synchronized boolean offer(AlertChanged change) {
        if (closed) {
            return false;
        }
        if (pending.size() >= capacity) {
            closed = true;
            pending.clear();
            stream.onError(Status.RESOURCE_EXHAUSTED.withDescription("this watcher fell " + capacity
                    + " alert changes behind and was dropped: read faster, or watch again to get the firing alerts")
                    .asRuntimeException());
            return false;
        }
        pending.addLast(change);
        drain();
        return true;
    }

    /**
     * Starts sending: {@code firing} first, then the changes queued since the subscription was
     * registered, less those {@code firing} already shows.
     */
    synchronized void start(List<AlertChanged> firing) {
        Set<String> shown = new HashSet<>();
        for (AlertChanged alert : firing) {
            shown.add(key(alert));
        }
        pending.removeIf(change -> shown.contains(key(change)));
        for (int i = firing.size() - 1; i >= 0; i--) {
            pending.addFirst(firing.get(i));
        }
        started = true;
        drain();
    }

    /** Sends what is queued while the client can take it; gRPC calls it again once it can. */
    synchronized void drain() {
        if (!started || closed) {
            return;
        }
        while (!pending.isEmpty() && stream.isReady() && !stream.isCancelled()) {
            stream.onNext(pending.pollFirst());
        }
    }

    /** Ends the stream from the server's side. */
    synchronized void complete() {
        if (!closed && !stream.isCancelled()) {
            closed = true;
            pending.clear();
            stream.onCompleted();
        }
    }

    synchronized void close() {
        closed = true;
        pending.clear();
    }

    private static String key(AlertChanged change) {
        return change.getAlertId() + "/" + change.getStatus();
    }
}
