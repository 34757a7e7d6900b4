package dev.aiaas.bench.ingest;

import dev.aiaas.bench.CpuMeter;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import dev.aiaas.proto.ingest.v1.SealVersionRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One round through the ingest service: create a dataset, produce its records to
 * {@value Topics#INGEST_RECORDS} (a fresh producer, acks=all, otherwise Kafka's defaults, as
 * the baseline), wait until ingest has stored them all (GetDataset's open rows, asked every
 * {@value #POLL_MILLIS} ms), seal, and check that the version holds exactly that many rows.
 */
final class IngestRun {

    static final long POLL_MILLIS = 100;
    private static final long CALL_DEADLINE_SECONDS = 600;

    private final String bootstrap;
    private final IngestServiceBlockingStub ingest;
    private final Schema schema;
    private final IrisRecords records;
    private final CpuMeter ingestJvm;
    private final Duration timeout;

    IngestRun(String bootstrap, IngestServiceBlockingStub ingest, Schema schema, IrisRecords records,
            CpuMeter ingestJvm, Duration timeout) {
        this.bootstrap = bootstrap;
        this.ingest = ingest;
        this.schema = schema;
        this.records = records;
        this.ingestJvm = ingestJvm;
        this.timeout = timeout;
    }

    /**
     * @throws IllegalStateException when Kafka refused a record, ingest did not store them all in time
     *                               (refused records go to aiaas.ingest.dlq), or the version holds another count
     */
    IngestTiming run(String dataset, int count) throws InterruptedException {
        stub().createDataset(CreateDatasetRequest.newBuilder().setName(dataset).setSchema(schema)
                .setDescription("bench/run ingest").build());
        byte[] key = dataset.getBytes(StandardCharsets.UTF_8);
        CpuMeter machine = CpuMeter.machine();
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            long ingestCpu = ingestJvm.cpuNanos();
            long machineCpu = machine.cpuNanos();
            long start = System.nanoTime();
            AtomicLong failed = new AtomicLong();
            AtomicReference<Exception> firstFailure = new AtomicReference<>();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(Topics.INGEST_RECORDS, key, records.value(i)), (metadata, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            long produced = System.nanoTime();
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " of " + count + " records were not acknowledged by "
                        + "Kafka; the first: " + firstFailure.get());
            }
            awaitStored(dataset, count, start);
            long stored = System.nanoTime();
            double ingestCores = CpuMeter.cores(ingestCpu, ingestJvm.cpuNanos(), stored - start);
            double machineCores = CpuMeter.cores(machineCpu, machine.cpuNanos(), stored - start);
            DatasetVersion version = stub().sealVersion(SealVersionRequest.newBuilder().setDataset(dataset).build());
            long sealed = System.nanoTime();
            if (version.getRowCount() != count) {
                throw new IllegalStateException(dataset + " v" + version.getVersion() + " holds " + version.getRowCount()
                        + " rows, not the " + count + " produced");
            }
            return new IngestTiming(count, seconds(produced - start), seconds(stored - start), seconds(sealed - start),
                    ingestCores, machineCores);
        }
    }

    private void awaitStored(String dataset, int count, long start) throws InterruptedException {
        long deadline = start + timeout.toNanos();
        long open;
        while ((open = openRows(dataset)) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ingest stored " + open + " of " + count + " records of " + dataset
                        + " in " + timeout.toSeconds() + " s: records it refused are on " + Topics.INGEST_DLQ
                        + " with the reason; otherwise it is slower than that: raise --timeout or lower --records");
            }
            Thread.sleep(POLL_MILLIS);
        }
        if (open > count) {
            throw new IllegalStateException(dataset + " has " + open + " open rows after " + count + " were produced");
        }
    }

    private long openRows(String dataset) {
        return stub().getDataset(GetDatasetRequest.newBuilder().setName(dataset).build()).getOpenRows();
    }

    private IngestServiceBlockingStub stub() {
        return ingest.withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** acks=all and Kafka's defaults for everything else: what the baseline is given. */
    static Map<String, Object> producerSettings(String bootstrap) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(producerSettings(bootstrap), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
