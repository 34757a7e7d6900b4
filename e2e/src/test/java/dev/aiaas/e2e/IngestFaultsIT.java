package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.FileImport;
import dev.aiaas.localstack.BackingEndpoints;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.ImportFileHeader;
import dev.aiaas.proto.ingest.v1.ImportFileRequest;
import dev.aiaas.proto.ingest.v1.SealVersionRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import dev.aiaas.storage.ArtifactStore;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ingest loses and doubles nothing when its processes, the broker or the database fail, with
 * real processes: ingest killed with {@code kill -9} (the supervisor restarts it), the Kafka
 * broker and PostgreSQL stopped for seconds and started again under load, and a client that cuts an
 * import and sends it again with the same upload id.
 */
class IngestFaultsIT {

    private static final String RECORDS_TOPIC = "aiaas.ingest.records";
    private static final String DLQ_TOPIC = "aiaas.ingest.dlq";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private static LocalStack stack;
    private static Services services;

    @BeforeAll
    static void connect() {
        stack = RunningStack.get();
        services = RunningStack.connect(stack);
    }

    @AfterAll
    static void leaveTheStackServing() throws InterruptedException {
        RunningStack.leaveServing(services);
    }

    @Test
    void recordsProducedThroughTwoIngestKillsAndABrokerRestartAreSealedExactlyOnce() throws Exception {
        int total = 100_000;
        String dataset = createDataset("faults-kafka");
        Producing producing = Producing.start(stack.endpoints(), dataset, total, 2_500);

        producing.awaitSent(20_000);
        killIngest();
        producing.awaitSent(50_000);
        stack.restartKafka(Duration.ofSeconds(5));
        producing.awaitSent(80_000);
        killIngest();
        producing.awaitDone();

        assertThat(producing.failures()).isEmpty();
        awaitOpenRows(dataset, total, Duration.ofMinutes(5));
        DatasetVersion version = services.ingest().sealVersion(SealVersionRequest.newBuilder().setDataset(dataset).build());
        assertThat(version.getRowCount()).isEqualTo(total);
        assertThat(distinctIds(version)).isEqualTo(total);
        assertThat(deadLettersOf(dataset)).isZero();
    }

    @Test
    void nothingValidIsDeadLetteredWhileTheDatabaseRestarts() throws Exception {
        int total = 20_000;
        String dataset = createDataset("faults-db");
        Producing producing = Producing.start(stack.endpoints(), dataset, total, 2_000);

        producing.awaitSent(5_000);
        stack.restartPostgres(Duration.ofSeconds(5));
        producing.awaitDone();

        assertThat(producing.failures()).isEmpty();
        awaitOpenRows(dataset, total, Duration.ofMinutes(3));
        assertThat(deadLettersOf(dataset)).isZero();
    }

    @Test
    void anImportCutMidStreamAndSentAgainWithItsUploadIdStoresEveryRowOnce() throws Exception {
        int rows = 10_000;
        String dataset = createDataset("faults-import");
        byte[] csv = csv(rows);
        ImportFileHeader header = ImportFileHeader.newBuilder().setDataset(dataset).setFormat(FileFormat.CSV)
                .setUploadId(UUID.randomUUID().toString()).build();

        long storedBeforeTheCut = sendHalfThenCut(header, csv);
        UploadSummary retry = FileImport.send(services.ingestAsync(), header, new ByteArrayInputStream(csv));

        System.out.printf("import cut after %d stored rows; the retry skipped %d and stored %d%n", storedBeforeTheCut,
                retry.getAlreadyStored(), retry.getAccepted());
        assertThat(storedBeforeTheCut).isPositive();
        assertThat(retry.getAlreadyStored() + retry.getAccepted()).isEqualTo(rows);
        assertThat(openRows(dataset)).isEqualTo(rows);
    }

    private static void killIngest() {
        long before = stack.service(ServiceName.INGEST).pid();
        ProcessHandle.of(before).orElseThrow().destroyForcibly();
        System.out.println("killed ingest (pid " + before + ") with SIGKILL");
        await().atMost(Duration.ofMinutes(3)).until(() -> stack.service(ServiceName.INGEST).pid() != before);
    }

    private static String createDataset(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Schema schema = Schema.newBuilder()
                .addColumns(Column.newBuilder().setName("id").setType(ColumnType.INT64))
                .addColumns(Column.newBuilder().setName("x").setType(ColumnType.DOUBLE))
                .addColumns(Column.newBuilder().setName("label").setType(ColumnType.STRING))
                .setLabelColumn("label").build();
        services.ingest().createDataset(CreateDatasetRequest.newBuilder().setName(name).setSchema(schema).build());
        return name;
    }

    private static long openRows(String dataset) {
        return services.ingest().getDataset(GetDatasetRequest.newBuilder().setName(dataset).build()).getOpenRows();
    }

    private static void awaitOpenRows(String dataset, long expected, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> openRows(dataset) >= expected);
        assertThat(openRows(dataset)).isEqualTo(expected);
    }

    /** Distinct ids in the sealed version's parts, read back from the object store. */
    private static long distinctIds(DatasetVersion version) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (ArtifactStore store = new ArtifactStore(stack.endpoints().artifactStore())) {
            for (ArtifactRef part : version.getPartsList()) {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                        store.getVerified(part.getKey(), part.getSha256()), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        Matcher id = ID.matcher(line);
                        assertThat(id.find()).as("a sealed line with an id: %s", line).isTrue();
                        ids.add(Long.parseLong(id.group(1)));
                    }
                }
            }
        }
        return ids.size();
    }

    /** Letters on the dead-letter topic for this dataset, read from its start to its end. */
    private static long deadLettersOf(String dataset) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DLQ_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long letters = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> letter : consumer.poll(Duration.ofMillis(500))) {
                    if (dataset.equals(letter.key())) {
                        letters++;
                    }
                }
            }
            return letters;
        }
    }

    private static long sendHalfThenCut(ImportFileHeader header, byte[] csv) throws InterruptedException {
        StreamObserver<ImportFileRequest> stream = services.ingestAsync().importFile(new StreamObserver<>() {
            @Override
            public void onNext(UploadSummary value) {
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        });
        stream.onNext(ImportFileRequest.newBuilder().setHeader(header).build());
        int half = csv.length / 2;
        for (int offset = 0; offset < half; offset += 4096) {
            stream.onNext(ImportFileRequest.newBuilder()
                    .setData(ByteString.copyFrom(csv, offset, Math.min(4096, half - offset))).build());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> openRows(header.getDataset()) > 0);
        stream.onError(Status.CANCELLED.withDescription("the client's connection dropped").asRuntimeException());
        Thread.sleep(1_000); // the service sees the cancellation
        return openRows(header.getDataset());
    }

    private static byte[] csv(int rows) {
        StringBuilder csv = new StringBuilder("id,x,label\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(',').append(i * 0.5).append(',').append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A producer on its own thread sending {@code total} JSON records at a steady rate. */
    private static final class Producing {

        private final AtomicInteger sent = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final Thread thread;

        private Producing(BackingEndpoints endpoints, String dataset, int total, int perSecond) {
            thread = new Thread(() -> run(endpoints, dataset, total, perSecond), "faults-producer");
        }

        static Producing start(BackingEndpoints endpoints, String dataset, int total, int perSecond) {
            Producing producing = new Producing(endpoints, dataset, total, perSecond);
            producing.thread.start();
            return producing;
        }

        private void run(BackingEndpoints endpoints, String dataset, int total, int perSecond) {
            Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
            long start = System.nanoTime();
            try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < total; i++) {
                    String value = "{\"id\":" + i + ",\"x\":" + i * 0.5 + ",\"label\":\"" + (i % 2 == 0 ? "even" : "odd")
                            + "\"}";
                    producer.send(new ProducerRecord<>(RECORDS_TOPIC, dataset, value), (metadata, e) -> {
                        if (e != null) {
                            failures.add(e.toString());
                        }
                    });
                    sent.incrementAndGet();
                    long due = start + (long) (i + 1) * 1_000_000_000L / perSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("interrupted");
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
        }

        void awaitSent(int count) {
            await().atMost(Duration.ofMinutes(3)).until(() -> sent.get() >= count || !thread.isAlive());
        }

        void awaitDone() throws InterruptedException {
            thread.join(Duration.ofMinutes(6).toMillis());
            assertThat(thread.isAlive()).as("the producer finished").isFalse();
        }

        List<String> failures() {
            return new ArrayList<>(failures);
        }
    }
}
