package dev.aiaas.events.quarkus;

import dev.aiaas.events.KafkaConnection;
import dev.aiaas.events.TopicBootstrap;
import dev.aiaas.events.TopicReplication;
import dev.aiaas.events.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every service creates the platform's missing topics before its consumers start; a topic the
 * platform adds later (a project's records topic) is created the same way through {@link #ensure}.
 */
@ApplicationScoped
public class TopicsAtStartup {

    /** The service's {@code kafka.*} configuration, as every Kafka client of it gets it. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @ConfigProperty(name = "aiaas.kafka.topics.create-timeout", defaultValue = "PT30S")
    Duration timeout;

    /** Replicas of each topic this service creates (3 unless configured; 1 on a single local broker). */
    @ConfigProperty(name = "aiaas.kafka.topics.replication-factor")
    short replicationFactor;

    /** Replicas that must hold a write before it is acknowledged (2 unless configured). */
    @ConfigProperty(name = "aiaas.kafka.topics.min-insync-replicas")
    int minInsyncReplicas;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        ensure(Topics.all());
    }

    /**
     * Creates whichever of {@code topics} is missing, with the configured replication.
     *
     * @throws IllegalStateException when Kafka does not create them within the timeout
     */
    public void ensure(List<Topics.TopicSpec> topics) {
        TopicBootstrap.ensure(KafkaConnection.from(kafka), topics, new TopicReplication(replicationFactor,
                minInsyncReplicas), timeout);
    }
}
