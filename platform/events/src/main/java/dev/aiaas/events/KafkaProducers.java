package dev.aiaas.events;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The one way services make a producer: idempotent, acks from all replicas, bounded waits. */
public final class KafkaProducers {

    private KafkaProducers() {
    }

    /** A producer of protobuf payloads keyed by a string (dataset, model, endpoint, job). */
    public static Producer<String, byte[]> idempotent(String bootstrapServers, String clientId) {
        return idempotent(KafkaConnection.plain(bootstrapServers), clientId);
    }

    /** As {@link #idempotent(String, String)}, on a secured connection too. */
    public static Producer<String, byte[]> idempotent(KafkaConnection connection, String clientId) {
        return new KafkaProducer<>(connection.clientConfig(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000)),
                new StringSerializer(), new ByteArraySerializer());
    }
}
