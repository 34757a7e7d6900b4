package dev.aiaas.events.quarkus;

import dev.aiaas.events.TopicBootstrap;
import dev.aiaas.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every service creates the platform's missing topics before its consumers start. */
@ApplicationScoped
public class TopicsAtStartup {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "aiaas.kafka.topics.create-timeout", defaultValue = "PT30S")
    Duration timeout;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        TopicBootstrap.ensure(bootstrapServers, Topics.all(), timeout);
    }
}
