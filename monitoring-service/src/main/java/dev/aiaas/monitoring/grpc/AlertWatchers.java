package dev.aiaas.monitoring.grpc;

import dev.aiaas.errors.Names;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.mapping.AlertMessages;
import dev.aiaas.monitoring.model.Alert;
import dev.aiaas.monitoring.service.AlertBook;
import dev.aiaas.proto.events.v1.AlertChanged;
import io.grpc.stub.ServerCallStreamObserver;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open WatchAlerts streams; hands each alert that fires or resolves to those that watch it. */
@ApplicationScoped
public class AlertWatchers {

    private final Set<AlertSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    @Inject
    AlertBook book;

    @Inject
    MonitoringConfig config;

    /**
     * Opens a watch of {@code project}'s alerts (of {@code endpoint}, or every endpoint for empty).
     * It is registered before the firing alerts are read, so that no change falls between them.
     */
    void watch(String project, String endpoint, ServerCallStreamObserver<AlertChanged> stream) {
        String only = endpoint.isEmpty() ? null : Names.require("endpoint name", endpoint);
        AlertSubscription subscription = new AlertSubscription(project, only, stream, config.alerts().watchBuffer());
        stream.setOnCancelHandler(() -> {
            subscription.close();
            subscriptions.remove(subscription);
        });
        stream.setOnReadyHandler(subscription::drain);
        subscriptions.add(subscription);
        try {
            subscription.start(book.firing(project, only).stream().map(AlertMessages::changed).toList());
        } catch (RuntimeException e) {
            subscriptions.remove(subscription);
            throw e;
        }
    }

    /** Ends every watch, so that clients see the stream end rather than the server vanish. */
    void stop(@Observes ShutdownEvent event) {
        for (AlertSubscription subscription : subscriptions) {
            subscription.complete();
        }
        subscriptions.clear();
    }

    void publish(@Observes Alert alert) {
        AlertChanged change = AlertMessages.changed(alert);
        for (AlertSubscription subscription : subscriptions) {
            if (subscription.wants(alert) && !subscription.offer(change)) {
                subscriptions.remove(subscription);
            }
        }
    }
}
