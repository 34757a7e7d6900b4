package dev.aiaas.events;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How a Kafka client made by hand (the outbox relay's producer, the topic bootstrap's admin
 * client) reaches the brokers: their addresses and, for a secured cluster, the same
 * {@code security.protocol}, {@code sasl.*} and {@code ssl.*} settings the messaging channels
 * get from {@code kafka.*} configuration (SASL/SCRAM, mTLS).
 */
public record KafkaConnection(String bootstrapServers, Map<String, Object> security) {

    public KafkaConnection {
        security = Map.copyOf(security);
    }

    /** A broker without security (the local stack, tests). */
    public static KafkaConnection plain(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /**
     * From the service's Kafka configuration ({@code kafka.*} with the prefix removed, as
     * Quarkus hands it to every Kafka client): the addresses and the security settings only.
     */
    public static KafkaConnection from(Map<String, Object> kafka) {
        Object servers = kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null || servers.toString().isBlank()) {
            throw new IllegalArgumentException("kafka.bootstrap.servers is not set: name the brokers");
        }
        Map<String, Object> security = new TreeMap<>();
        kafka.forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG) || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                security.put(key, value);
            }
        });
        return new KafkaConnection(servers.toString(), security);
    }

    /** The settings every client of this connection starts from, {@code own} added. */
    public Map<String, Object> clientConfig(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(own);
        return config;
    }
}
