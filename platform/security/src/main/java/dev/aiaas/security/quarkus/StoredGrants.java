package dev.aiaas.security.quarkus;

import dev.aiaas.events.KafkaConnection;
import dev.aiaas.events.TopicReplay;
import dev.aiaas.events.Topics;
import dev.aiaas.security.GrantDirectory;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's copy of the roles the platform keeps: {@value Topics#ACCESS_GRANTS}, read from
 * its start at start-up (after the platform's topics exist) and followed from then on. With
 * security off nothing is read and no grant counts.
 */
@ApplicationScoped
public class StoredGrants {

    private final GrantDirectory directory = new GrantDirectory();

    @Inject
    SecurityConfig config;

    /** The service's {@code kafka.*} configuration, as every Kafka client of it gets it. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private volatile TopicReplay replay;

    /** After {@code TopicsAtStartup} (priority 1) has created the topic. */
    void start(@Observes @Priority(5) StartupEvent event) {
        if (config.enabled()) {
            replay = TopicReplay.start(KafkaConnection.from(kafka), Topics.ACCESS_GRANTS, service + "-grants",
                    directory::apply);
        }
    }

    @PreDestroy
    void stop() {
        if (replay != null) {
            replay.close();
        }
    }

    /** The grants as this service knows them now. */
    public GrantDirectory directory() {
        return directory;
    }

    /** Whether every grant made before this service started is known (always, with security off). */
    public boolean loaded() {
        TopicReplay current = replay;
        return !config.enabled() || current != null && current.caughtUp();
    }

    /** Grant records read since start-up. */
    public long recordsRead() {
        TopicReplay current = replay;
        return current == null ? 0 : current.recordsRead();
    }
}
