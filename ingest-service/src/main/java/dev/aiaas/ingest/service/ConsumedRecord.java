package dev.aiaas.ingest.service;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A valid record taken from a Kafka partition: where it came from, the project and dataset it
 * goes into, and its typed values.
 */
public record ConsumedRecord(TopicPartition partition, long offset, String project, String dataset,
        Map<String, Object> values) {
}
