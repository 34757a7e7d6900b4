package dev.aiaas.ingest;

import static dev.aiaas.ingest.IngestFixtures.IRIS;
import static dev.aiaas.ingest.IngestFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.errors.Projects;
import dev.aiaas.ingest.service.ConsumedBatchStore;
import dev.aiaas.ingest.service.ConsumedRecord;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A poll of Kafka records is stored once, however often it is delivered. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class ConsumedBatchStoreTest {

    @GrpcClient("ingest")
    IngestServiceBlockingStub ingest;

    @Inject
    ConsumedBatchStore store;

    private final TopicPartition partition = new TopicPartition("test-" + UUID.randomUUID(), 0);

    @Test
    void aRedeliveredPollStoresNothing() {
        String dataset = create(ingest, "iris", IRIS);
        List<ConsumedRecord> poll = records(dataset, 0, 10);

        assertThat(store.store(Map.of(partition, 10L), poll)).isEqualTo(10);
        assertThat(store.store(Map.of(partition, 10L), poll)).isZero();

        assertThat(openRows(dataset)).isEqualTo(10);
    }

    @Test
    void aPollOverlappingStoredRecordsStoresOnlyTheNewOnes() {
        String dataset = create(ingest, "iris", IRIS);
        store.store(Map.of(partition, 6L), records(dataset, 0, 6));

        int stored = store.store(Map.of(partition, 12L), records(dataset, 3, 12));

        assertThat(stored).isEqualTo(6);
        assertThat(openRows(dataset)).isEqualTo(12);
    }

    @Test
    void deadLetteredRecordsMoveThePositionToo() {
        String dataset = create(ingest, "iris", IRIS);
        // offsets 0..4 were refused (dead-lettered): the poll ends at 5 with no valid record
        store.store(Map.of(partition, 5L), List.of());

        int stored = store.store(Map.of(partition, 8L), records(dataset, 0, 8));

        assertThat(stored).isEqualTo(3);
    }

    private List<ConsumedRecord> records(String dataset, long from, long to) {
        return LongStream.range(from, to).mapToObj(offset -> new ConsumedRecord(partition, offset, Projects.DEFAULT,
                dataset, Map.<String, Object>of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4,
                        "petal_width", 0.2, "species", "setosa"))).toList();
    }

    private long openRows(String dataset) {
        return ingest.getDataset(GetDatasetRequest.newBuilder().setName(dataset).build()).getOpenRows();
    }
}
