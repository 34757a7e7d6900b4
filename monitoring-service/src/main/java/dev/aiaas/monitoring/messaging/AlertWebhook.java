package dev.aiaas.monitoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.mapping.AlertmanagerPayload;
import dev.aiaas.monitoring.model.Alert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jboss.logging.Logger;

/**
 * POSTs each alert that fires or resolves to {@code monitoring.alerts.webhook-url} in
 * Alertmanager's webhook format, from a queue of {@code monitoring.alerts.webhook-queue} on one
 * thread of its own: a slow or absent receiver never holds up the evaluation. A POST that fails
 * (no answer, or not 2xx) is retried {@code webhook-attempts} times in all, waiting
 * {@code webhook-backoff} and twice as long each next time; an alert that finds the queue full is
 * counted ({@code aiaas_monitoring_alert_webhook_dropped_total}) and logged.
 */
@ApplicationScoped
public class AlertWebhook {

    private static final Logger LOG = Logger.getLogger(AlertWebhook.class);

    @Inject
    MonitoringConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    private BlockingQueue<Alert> queue;
    private HttpClient http;
    private Thread sender;
    private Counter dropped;
    private Counter failed;

    void start(@Observes StartupEvent event) {
        if (config.alerts().webhookUrl().isEmpty()) {
            return;
        }
        queue = new ArrayBlockingQueue<>(config.alerts().webhookQueue());
        http = HttpClient.newBuilder().connectTimeout(config.alerts().webhookTimeout()).build();
        dropped = meters.counter("aiaas_monitoring_alert_webhook_dropped_total");
        failed = meters.counter("aiaas_monitoring_alert_webhook_failed_total");
        sender = new Thread(this::sendAll, "alert-webhook");
        sender.setDaemon(true);
        sender.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (sender != null) {
            sender.interrupt();
        }
    }

    void enqueue(@Observes Alert alert) {
        if (queue == null) {
            return;
        }
        if (!queue.offer(alert)) {
            dropped.increment();
            LOG.warnf("the alert webhook's queue is full (%d): alert %s (%s) of endpoint '%s' is not posted; "
                    + "ListAlerts has it", config.alerts().webhookQueue(), alert.id(), alert.state(), alert.endpoint());
        }
    }

    private void sendAll() {
        URI target = config.alerts().webhookUrl().orElseThrow();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Alert alert = queue.take();
                if (!post(target, alert)) {
                    failed.increment();
                    LOG.warnf("gave up posting alert %s (%s) of endpoint '%s' to %s after %d tries", alert.id(),
                            alert.state(), alert.endpoint(), target, config.alerts().webhookAttempts());
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean post(URI target, Alert alert) throws InterruptedException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(AlertmanagerPayload.of(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert payload is always writable", e);
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(config.alerts().webhookTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Duration wait = config.alerts().webhookBackoff();
        for (int attempt = 1; attempt <= config.alerts().webhookAttempts(); attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return true;
                }
                LOG.debugf("alert webhook answered %d (try %d)", status, attempt);
            } catch (IOException e) {
                LOG.debugf("alert webhook did not answer (try %d): %s", attempt, e.getMessage());
            }
            if (attempt < config.alerts().webhookAttempts()) {
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2);
            }
        }
        return false;
    }
}
