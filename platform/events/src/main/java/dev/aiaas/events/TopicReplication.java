package dev.aiaas.events;

/**
 * How the platform's topics are replicated when a service creates them: on a production
 * cluster 3 replicas with at least 2 in sync for a write (the defaults), on a single local
 * broker 1 and 1 ({@code aiaas.kafka.topics.*} in each service's configuration).
 */
public record TopicReplication(short replicationFactor, int minInsyncReplicas) {

    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

    public TopicReplication {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("aiaas.kafka.topics.replication-factor must be at least 1, was "
                    + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("aiaas.kafka.topics.min-insync-replicas must be between 1 and the "
                    + "replication factor " + replicationFactor + ", was " + minInsyncReplicas);
        }
    }
}
