package dev.aiaas.ingest.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.ingest.storage.ConsumedPositions;
import dev.aiaas.ingest.storage.OpenRecordStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Stores what one poll of Kafka brought, exactly once: the valid records and each partition's
 * new position go in one transaction, and a record before its partition's recorded position (a
 * redelivery) is skipped. A poll may span several topics (one per project); positions are kept
 * per topic and partition, records per project and dataset.
 */
@ApplicationScoped
public class ConsumedBatchStore {

    private record DatasetOf(String project, String name) {
    }

    @Inject
    ConsumedPositions positions;

    @Inject
    OpenRecordStore records;

    /**
     * @param ends for each partition of the poll, the offset after its last record (dead-lettered
     *        records included: they are taken too)
     * @param valid the poll's valid records, in offset order per partition
     * @return how many records were stored (fewer than {@code valid} when some were redelivered)
     */
    @Transactional
    public int store(Map<TopicPartition, Long> ends, List<ConsumedRecord> valid) {
        return run(() -> {
            Map<TopicPartition, Long> taken = new HashMap<>();
            for (TopicPartition partition : ends.keySet()) {
                taken.put(partition, positions.lock(partition));
            }
            Map<DatasetOf, List<Map<String, Object>>> byDataset = new LinkedHashMap<>();
            int stored = 0;
            for (ConsumedRecord record : valid) {
                if (record.offset() >= taken.getOrDefault(record.partition(), Long.MAX_VALUE)) {
                    byDataset.computeIfAbsent(new DatasetOf(record.project(), record.dataset()), d -> new ArrayList<>())
                            .add(record.values());
                    stored++;
                }
            }
            for (Map.Entry<DatasetOf, List<Map<String, Object>>> dataset : byDataset.entrySet()) {
                records.append(dataset.getKey().project(), dataset.getKey().name(), dataset.getValue());
            }
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                positions.advance(end.getKey(), end.getValue());
            }
            return stored;
        });
    }
}
