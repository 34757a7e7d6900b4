package dev.aiaas.ingest;

import com.google.protobuf.ByteString;
import dev.aiaas.errors.Projects;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.ImportFileHeader;
import dev.aiaas.proto.ingest.v1.ImportFileRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.testing.RealServers;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Schemas, the bundled files and calls the ingest tests share. */
final class IngestFixtures {

    static final Path IRIS_CSV = Path.of("../datasets/iris.csv");
    static final Path MNIST = Path.of("../datasets/mnist10k.u8.gz");

    static final Schema IRIS = Schema.newBuilder()
            .addColumns(column("sepal_length", ColumnType.DOUBLE))
            .addColumns(column("sepal_width", ColumnType.DOUBLE))
            .addColumns(column("petal_length", ColumnType.DOUBLE))
            .addColumns(column("petal_width", ColumnType.DOUBLE))
            .addColumns(column("species", ColumnType.STRING))
            .setLabelColumn("species")
            .build();

    static final Schema DIGITS = Schema.newBuilder()
            .addColumns(column("image", ColumnType.IMAGE_U8).toBuilder().addShape(28).addShape(28))
            .addColumns(column("label", ColumnType.INT64))
            .setLabelColumn("label")
            .build();

    private IngestFixtures() {
    }

    static String create(IngestServiceGrpc.IngestServiceBlockingStub ingest, String prefix, Schema schema) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ingest.createDataset(CreateDatasetRequest.newBuilder().setName(name).setSchema(schema).build());
        return name;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams {@code file} to ImportFile in chunks; the summary, or the call's failure as the cause. */
    static UploadSummary importFile(Channel channel, String dataset, FileFormat format, byte[] file, int chunkSize)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        return importFile(channel, ImportFileHeader.newBuilder().setDataset(dataset).setFormat(format).build(), file,
                chunkSize);
    }

    /** Streams {@code file} to ImportFile in chunks after {@code header}; the summary, or the call's failure as the cause. */
    static UploadSummary importFile(Channel channel, ImportFileHeader header, byte[] file, int chunkSize)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        CompletableFuture<UploadSummary> result = new CompletableFuture<>();
        StreamObserver<ImportFileRequest> stream = IngestServiceGrpc.newStub(channel).importFile(completing(result));
        stream.onNext(ImportFileRequest.newBuilder().setHeader(header).build());
        for (int offset = 0; offset < file.length; offset += chunkSize) {
            stream.onNext(ImportFileRequest.newBuilder()
                    .setData(ByteString.copyFrom(file, offset, Math.min(chunkSize, file.length - offset))).build());
        }
        stream.onCompleted();
        return result.get(120, TimeUnit.SECONDS);
    }

    /** An answer observer that completes {@code result} with the summary, or with the call's failure. */
    static StreamObserver<UploadSummary> completing(CompletableFuture<UploadSummary> result) {
        return new StreamObserver<>() {
            @Override
            public void onNext(UploadSummary value) {
                result.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        };
    }

    /** Records of {@code topic} that match, read from the start until {@code expected} were seen or time ran out. */
    static List<ConsumerRecord<String, byte[]>> consume(String topic, Predicate<ConsumerRecord<String, byte[]>> matching,
            int expected, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** {@code stub}'s calls made for {@code project}: with its name in the {@value Projects#HEADER} header. */
    static IngestServiceGrpc.IngestServiceBlockingStub inProject(IngestServiceGrpc.IngestServiceBlockingStub stub,
            String project) {
        return stub.withInterceptors(ProjectHeader.naming(project));
    }

    /** Calls on {@code channel} made for {@code project}: with its name in the {@value Projects#HEADER} header. */
    static Channel inProject(Channel channel, String project) {
        return ClientInterceptors.intercept(channel, ProjectHeader.naming(project));
    }

    /** The dataset's open rows once they reach {@code expected}, or as they stand when time ran out. */
    static long openRowsReaching(IngestServiceGrpc.IngestServiceBlockingStub stub, String dataset, long expected,
            Duration timeout) throws InterruptedException {
        GetDatasetRequest request = GetDatasetRequest.newBuilder().setName(dataset).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        long rows = stub.getDataset(request).getOpenRows();
        while (rows < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            rows = stub.getDataset(request).getOpenRows();
        }
        return rows;
    }

    /** How many partitions {@code topic} has on the test broker, waiting up to 10 s for one just created. */
    static int partitions(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServers.get().kafkaBootstrap()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try {
                    return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
                } catch (ExecutionException e) {
                    // a topic just created may not be in the answering broker's metadata yet
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    /** Produces one record to {@code topic}, with {@code headers} (name to UTF-8 value), and waits for the broker. */
    static void produce(String topic, String key, byte[] value, Map<String, String> headers) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServers.get().kafkaBootstrap());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    /** A record header's value as text, null when the record has none. */
    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Column column(String name, ColumnType type) {
        return Column.newBuilder().setName(name).setType(type).build();
    }
}
