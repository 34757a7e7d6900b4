package dev.aiaas.ingest.messaging;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.Topics;
import dev.aiaas.events.quarkus.TopicsAtStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topic each project's records arrive on ({@link Topics#ingestRecords}). A project's topic is
 * created with its first dataset, as the platform creates its own topics at start-up: with the
 * partitions of {@value Topics#INGEST_RECORDS} and the configured replication. An operator then
 * only grants a producer WRITE on it; the intake subscribes by pattern and reads it once its
 * consumer's metadata next refreshes.
 */
@ApplicationScoped
public class ProjectRecordTopics {

    @Inject
    TopicsAtStartup platformTopics;

    /** Topics known to exist: a topic is never deleted by the platform, so asking once is enough. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /**
     * Makes sure {@code project}'s records topic exists (idempotent; the default project's is
     * created at start-up with the platform's others).
     *
     * @throws DomainException UNAVAILABLE when Kafka does not create it
     */
    public void ensure(String project) {
        String topic = Topics.ingestRecords(project);
        if (Projects.DEFAULT.equals(project) || known.contains(topic)) {
            return;
        }
        try {
            platformTopics.ensure(List.of(new Topics.TopicSpec(topic, partitions())));
        } catch (IllegalStateException e) {
            throw DomainException.unavailable("Kafka did not create " + topic + ", the topic of project " + project
                    + "'s records (" + e.getMessage() + "): retry once Kafka answers", e);
        }
        known.add(topic);
    }

    private static int partitions() {
        return Topics.all().stream().filter(t -> t.name().equals(Topics.INGEST_RECORDS)).findFirst()
                .orElseThrow().partitions();
    }
}
