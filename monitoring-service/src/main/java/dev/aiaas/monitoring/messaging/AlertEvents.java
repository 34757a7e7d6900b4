package dev.aiaas.monitoring.messaging;

import dev.aiaas.errors.Projects;
import dev.aiaas.events.Topics;
import dev.aiaas.monitoring.mapping.AlertMessages;
import dev.aiaas.monitoring.model.Alert;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes each alert that fires or resolves on {@value Topics#MONITORING_ALERTS} (an
 * AlertChanged, key = the endpoint, the project in the {@value Projects#HEADER} header) through
 * the {@code alerts} channel. Monitoring keeps no outbox: the alert is stored before it is
 * published, and one Kafka refuses is logged; ListAlerts still has it.
 */
@ApplicationScoped
public class AlertEvents {

    private static final Logger LOG = Logger.getLogger(AlertEvents.class);

    @Inject
    @Channel("alerts")
    Emitter<byte[]> emitter;

    void publish(@Observes Alert alert) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Projects.HEADER, alert.project().getBytes(StandardCharsets.UTF_8));
        Message<byte[]> message = Message.of(AlertMessages.changed(alert).toByteArray(),
                () -> CompletableFuture.completedFuture(null),
                failure -> {
                    LOG.warnf("alert %s (%s) of endpoint '%s' is stored but Kafka refused its event: %s", alert.id(),
                            alert.state(), alert.endpoint(), failure.getMessage());
                    return CompletableFuture.completedFuture(null);
                })
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(alert.endpoint())
                        .withHeaders(headers).build());
        try {
            emitter.send(message);
        } catch (RuntimeException e) { // a full emitter buffer: the other observers still get the alert
            LOG.warnf("alert %s of endpoint '%s' is stored but could not be published: %s", alert.id(),
                    alert.endpoint(), e.getMessage());
        }
    }
}
