package dev.aiaas.events;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates the platform's topics that are missing, with the configured replication. Safe to
 * run from every service at start-up, concurrently: a topic another service created first is
 * simply kept (as it is: an existing topic's replication is the operator's).
 */
public final class TopicBootstrap {

    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

    private TopicBootstrap() {
    }

    /**
     * Ensures every topic in {@code topics} exists.
     *
     * @return the names this call created
     * @throws IllegalStateException when the broker cannot be reached in {@code timeout}
     */
    public static List<String> ensure(String bootstrapServers, Collection<Topics.TopicSpec> topics,
            TopicReplication replication, Duration timeout) {
        return ensure(KafkaConnection.plain(bootstrapServers), topics, replication, timeout);
    }

    /** As {@link #ensure(String, Collection, TopicReplication, Duration)}, on a secured connection too. */
    public static List<String> ensure(KafkaConnection connection, Collection<Topics.TopicSpec> topics,
            TopicReplication replication, Duration timeout) {
        String bootstrapServers = connection.bootstrapServers();
        Map<String, Object> config = connection.clientConfig(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000)));
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), replication.replicationFactor())
                            .configs(configs(t, replication)))
                    .toList();
            List<String> created = missing.stream().filter(topic -> create(admin, topic, timeout)).map(NewTopic::name).toList();
            if (!created.isEmpty()) {
                LOG.infof("created Kafka topics %s", created);
            }
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + timeout
                    + ": start the broker or point kafka.bootstrap.servers at one", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        }
    }

    private static Map<String, String> configs(Topics.TopicSpec topic, TopicReplication replication) {
        Map<String, String> configs = new HashMap<>(topic.configs());
        configs.put(TopicReplication.MIN_INSYNC_REPLICAS, Integer.toString(replication.minInsyncReplicas()));
        return configs;
    }

    private static boolean create(Admin admin, NewTopic topic, Duration timeout) {
        String name = topic.name();
        try {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("could not create topic " + name + " with " + topic.replicationFactor()
                    + " replicas: " + e.getCause().getMessage() + "; the cluster needs at least that many brokers, or "
                    + "set aiaas.kafka.topics.replication-factor (AIAAS_KAFKA_TOPICS_REPLICATION_FACTOR) lower", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + name + " timed out after " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }
}
