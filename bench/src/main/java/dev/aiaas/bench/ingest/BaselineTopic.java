package dev.aiaas.bench.ingest;

import dev.aiaas.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topic the baseline produces to: as many partitions and replicas as
 * {@value Topics#INGEST_RECORDS} (which ingest created at its start), the same
 * {@code min.insync.replicas}, and nobody consuming it, so that the perf test's random records
 * never reach ingest.
 */
final class BaselineTopic {

    static final String NAME = "bench.producer-perf";

    private BaselineTopic() {
    }

    /** Creates the topic like the ingest topic; returns its partition count. */
    static int createLikeIngest(String bootstrap) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicDescription ingest = admin.describeTopics(Set.of(Topics.INGEST_RECORDS)).allTopicNames().get()
                    .get(Topics.INGEST_RECORDS);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.INGEST_RECORDS);
            Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
            int partitions = ingest.partitions().size();
            short replicas = (short) ingest.partitions().get(0).replicas().size();
            String minInSync = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
            admin.createTopics(List.of(new NewTopic(NAME, partitions, replicas)
                    .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync)))).all().get();
            return partitions;
        }
    }
}
