package dev.aiaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void aSecuredClustersSettingsReachTheClientsMadeByHandAndNothingElseDoes() {
        KafkaConnection connection = KafkaConnection.from(Map.of(
                "bootstrap.servers", "broker-1:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "group.id", "a-consumer-setting",
                "max.poll.records", "500"));

        Map<String, Object> config = connection.clientConfig(Map.of("client.id", "registry-outbox"));

        assertThat(config).containsEntry("bootstrap.servers", "broker-1:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("client.id", "registry-outbox")
                .doesNotContainKeys("group.id", "max.poll.records");
    }

    @Test
    void noBrokersIsSaidPlainly() {
        assertThatThrownBy(() -> KafkaConnection.from(Map.of("security.protocol", "SSL")))
                .hasMessageContaining("kafka.bootstrap.servers");
    }
}
