package dev.aiaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.testing.KafkaBroker;
import dev.aiaas.testing.ServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Topics are created with the configured replication, and a cluster too small for it is named. */
class TopicBootstrapTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(ServerOptions.ephemeral());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void missingTopicsAreCreatedWithTheirReplicationAndMinInsyncReplicas() throws Exception {
        List<String> created = TopicBootstrap.ensure(broker.bootstrapServers(),
                List.of(new Topics.TopicSpec("aiaas.test.replicated", 2)), new TopicReplication((short) 1, 1), TIMEOUT);
        List<String> again = TopicBootstrap.ensure(broker.bootstrapServers(),
                List.of(new Topics.TopicSpec("aiaas.test.replicated", 2)), new TopicReplication((short) 1, 1), TIMEOUT);

        assertThat(created).containsExactly("aiaas.test.replicated");
        assertThat(again).isEmpty();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            var topic = admin.describeTopics(List.of("aiaas.test.replicated")).allTopicNames().get()
                    .get("aiaas.test.replicated");
            assertThat(topic.partitions()).hasSize(2).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "aiaas.test.replicated");
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicReplication.MIN_INSYNC_REPLICAS).value()).isEqualTo("1");
        }
    }

    @Test
    void aCompactedTopicKeepsItsOwnSettingsBesidesTheReplication() throws Exception {
        TopicBootstrap.ensure(broker.bootstrapServers(), List.of(Topics.TopicSpec.compacted("aiaas.test.compacted")),
                new TopicReplication((short) 1, 1), TIMEOUT);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "aiaas.test.compacted");
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config.get(TopicReplication.MIN_INSYNC_REPLICAS).value()).isEqualTo("1");
        }
    }

    @Test
    void aReplicationFactorAboveTheBrokersIsRefusedWithTheSettingToChange() {
        assertThatThrownBy(() -> TopicBootstrap.ensure(broker.bootstrapServers(),
                List.of(new Topics.TopicSpec("aiaas.test.three-replicas", 1)), new TopicReplication((short) 3, 2),
                TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aiaas.test.three-replicas")
                .hasMessageContaining("AIAAS_KAFKA_TOPICS_REPLICATION_FACTOR");
    }

    @Test
    void minInsyncReplicasAboveTheReplicationFactorIsRefused() {
        assertThatThrownBy(() -> new TopicReplication((short) 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min-insync-replicas");
    }
}
