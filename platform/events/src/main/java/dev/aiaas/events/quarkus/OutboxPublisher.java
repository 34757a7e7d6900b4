package dev.aiaas.events.quarkus;

import dev.aiaas.events.KafkaConnection;
import dev.aiaas.events.KafkaProducers;
import dev.aiaas.events.OutboxPurge;
import dev.aiaas.events.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Relays a stateful service's outbox to Kafka a few times a second, on one background
 * thread. Built into the services that set {@code aiaas.outbox.enabled=true} and name
 * their table in {@code aiaas.outbox.table}.
 */
@ApplicationScoped
@IfBuildProperty(name = "aiaas.outbox.enabled", stringValue = "true")
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    @Inject
    DataSource dataSource;

    /** The service's {@code kafka.*} configuration, as every Kafka client of it gets it. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @ConfigProperty(name = "aiaas.outbox.table")
    String table;

    @ConfigProperty(name = "aiaas.outbox.interval", defaultValue = "PT0.2S")
    Duration interval;

    /** How long a published event stays in the outbox (for an operator's look) before it is deleted. */
    @ConfigProperty(name = "aiaas.outbox.retention", defaultValue = "P7D")
    Duration retention;

    /** How long an event Kafka refused for good stays parked before it is deleted. */
    @ConfigProperty(name = "aiaas.outbox.parked-retention", defaultValue = "P30D")
    Duration parkedRetention;

    /** How often old events are deleted. */
    @ConfigProperty(name = "aiaas.outbox.purge-interval", defaultValue = "PT1H")
    Duration purgeInterval;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @Inject
    MeterRegistry meters;

    private Producer<String, byte[]> producer;
    private OutboxPurge purge;
    private KafkaClientMetrics metrics;
    private OutboxRelay relay;
    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent event) {
        producer = KafkaProducers.idempotent(KafkaConnection.from(kafka), applicationName + "-outbox");
        // the one producer not made by the messaging extension: bind its client metrics by hand
        metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(meters);
        relay = new OutboxRelay(dataSource, table, producer);
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        timer.scheduleWithFixedDelay(this::flushQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        purge = new OutboxPurge(dataSource, table);
        timer.scheduleWithFixedDelay(this::purgeQuietly, purgeInterval.toMillis(), purgeInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Publishes until nothing is pending; returns how many events went out. */
    public int flush() {
        int total = 0;
        int sent;
        while ((sent = relay.publishPending()) > 0) {
            total += sent;
        }
        return total;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay failed, retrying in %s: %s", interval, e.getMessage());
        }
    }

    private void purgeQuietly() {
        try {
            long deleted = purge.purge(retention, parkedRetention);
            if (deleted > 0) {
                LOG.infof("outbox %s: deleted %d events published more than %s ago (parked: %s)", table, deleted,
                        retention, parkedRetention);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("outbox %s: could not delete old events (will retry in %s): %s", table, purgeInterval,
                    e.getMessage());
        }
    }

    /** Stops relaying first (low priority value), before the data source closes. */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        if (timer != null) {
            timer.shutdown();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (metrics != null) {
            metrics.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
