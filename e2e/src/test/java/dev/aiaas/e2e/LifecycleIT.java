package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.DatasetOutcome;
import dev.aiaas.cli.demo.DemoSummary;
import dev.aiaas.cli.demo.FileImport;
import dev.aiaas.cli.demo.LifecycleDemo;
import dev.aiaas.cli.demo.Progress;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.ImportFileHeader;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import dev.aiaas.proto.monitoring.v1.GetModelMetricsRequest;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.JobState;
import dev.aiaas.proto.training.v1.ModelFamily;
import dev.aiaas.proto.training.v1.SubmitJobRequest;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole loop across the six services on real Kafka, S3 and PostgreSQL, as a user would
 * check it: the demo's lifecycle on Iris and the digits, then bad input, a batch through the
 * Open Inference Protocol, an alias move under load, monitoring's count of requests, and a bucket
 * that yields nothing readable to someone holding only its credentials.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleIT {

    private static LocalStack stack;
    private static Services services;
    private static DemoSummary summary;

    @BeforeAll
    static void runTheLifecycle() throws Exception {
        stack = RunningStack.get();
        services = RunningStack.connect(stack);
        Path datasets = ServicesUnderTest.repositoryRoot().resolve("datasets");
        summary = new LifecycleDemo(services, new Progress(System.out), datasets).run();
        summary.print(System.out);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void modelsTrainedFromRawFilesReachTheirAccuracy() {
        DatasetOutcome iris = outcome("iris");
        DatasetOutcome digits = outcome("digits");

        assertThat(iris.rows()).isEqualTo(150);
        assertThat(iris.accuracy()).isGreaterThanOrEqualTo(0.90);
        assertThat(digits.rows()).isEqualTo(10_000);
        assertThat(digits.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(iris.predictions()).filteredOn(p -> p.actual().equals(p.predicted())).hasSizeGreaterThanOrEqualTo(5);
        assertThat(summary.irisMetrics().getRequestCount()).isGreaterThanOrEqualTo(summary.requestsSent());
        assertThat(summary.irisDrift().getFeaturesCount()).isEqualTo(4);
    }

    @Test
    @Order(2)
    void aBadCsvRowIsRejectedWithItsRowAndReason() throws Exception {
        String dataset = "bad-csv-" + suffix();
        services.ingest().createDataset(CreateDatasetRequest.newBuilder().setName(dataset).setSchema(irisSchema()).build());
        String csv = "sepal_length,sepal_width,petal_length,petal_width,species\n"
                + "5.1,3.5,1.4,0.2,setosa\n"
                + "5.0,three,1.4,0.2,setosa\n"
                + "6.3,3.3,6.0,2.5,virginica\n";

        UploadSummary upload = FileImport.send(services.ingestAsync(),
                ImportFileHeader.newBuilder().setDataset(dataset).setFormat(FileFormat.CSV).build(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(upload.getAccepted()).isEqualTo(2);
        assertThat(upload.getRejected()).isEqualTo(1);
        assertThat(upload.getErrors(0).getRow()).isEqualTo(1);
        assertThat(upload.getErrors(0).getReason()).contains("sepal_width").contains("three");
    }

    @Test
    @Order(3)
    void aBadKafkaRecordLandsOnTheDeadLetterTopicWithItsReason() throws Exception {
        String marker = suffix();
        String bad = "{\"sepal_length\": \"long-" + marker + "\", \"sepal_width\": 3.5, \"petal_length\": 1.4,"
                + " \"petal_width\": 0.2, \"species\": \"setosa\"}";
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.endpoints().kafkaBootstrap()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("aiaas.ingest.records", "iris", bad)).get();
        }

        ConsumerRecord<String, String> dead = awaitDeadLetter(marker, Duration.ofSeconds(60));

        assertThat(dead.value()).isEqualTo(bad);
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("sepal_length").contains("not a number");
    }

    @Test
    @Order(4)
    void theInferenceProtocolAnswersABatchOf32WithTheRightShapes() {
        ModelInferResponse response = services.inference().modelInfer(irisBatch(32));

        assertThat(response.getOutputs(0).getName()).isEqualTo("probabilities");
        assertThat(response.getOutputs(0).getShapeList()).containsExactly(32L, 3L);
        assertThat(response.getOutputs(0).getContents().getFp32ContentsCount()).isEqualTo(96);
        assertThat(response.getOutputs(1).getShapeList()).containsExactly(32L);
    }

    @Test
    @Order(5)
    void anAliasMoveSwapsVersionsWithoutFailingOneOf600ConcurrentRequests() throws Exception {
        long before = outcome("iris").modelVersion();
        Job second = trainAnotherIrisVersion();
        ModelInferRequest request = irisBatch(8);
        AtomicInteger failures = new AtomicInteger();
        Set<String> versions = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            if (i == 200) {
                services.registry().setAlias(SetAliasRequest.newBuilder().setModelName("iris").setAlias("champion")
                        .setVersion(second.getModelVersion()).build());
            }
            sent.add(clients.submit(() -> {
                try {
                    versions.add(services.inference().modelInfer(request).getModelVersion());
                } catch (StatusRuntimeException e) {
                    failures.incrementAndGet();
                }
            }));
            if (i % 25 == 0) {
                Thread.sleep(100);
            }
        }
        for (Future<?> f : sent) {
            f.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();

        assertThat(failures.get()).isZero();
        assertThat(versions).contains(Long.toString(before), Long.toString(second.getModelVersion()));
        assertThat(services.deployments().getDeployment(GetDeploymentRequest.newBuilder().setEndpoint("iris").build())
                .getServingVersion()).isEqualTo(second.getModelVersion());
    }

    @Test
    @Order(6)
    void monitoringCountsExactlyTheRequestsSent() throws Exception {
        String endpoint = "iris-count-" + suffix();
        services.deployments().deploy(DeployRequest.newBuilder().setEndpoint(endpoint).setModelName("iris")
                .setAlias("champion").build());
        int sent = 57;
        for (int i = 0; i < sent; i++) {
            services.inference().modelInfer(irisBatch(2).toBuilder().setModelName(endpoint).build());
        }

        long counted = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (counted < sent && System.nanoTime() < deadline) {
            try {
                counted = services.monitoring().getModelMetrics(GetModelMetricsRequest.newBuilder()
                        .setEndpoint(endpoint).build()).getRequestCount();
            } catch (StatusRuntimeException notYet) {
                // NOT_FOUND until the first request is counted
            }
            Thread.sleep(250);
        }
        Thread.sleep(1_000); // a duplicate count would show now
        var metrics = services.monitoring().getModelMetrics(GetModelMetricsRequest.newBuilder().setEndpoint(endpoint).build());

        assertThat(metrics.getRequestCount()).isEqualTo(sent);
        assertThat(metrics.getRowCount()).isEqualTo(sent * 2L);
        assertThat(metrics.getErrorCount()).isZero();
        assertThat(metrics.getLatency().getP99Seconds()).isPositive();
    }

    @Test
    @Order(7)
    void theBucketHoldsNoReadableRecordOfTheDataThatTrainedAndServed() throws Exception {
        List<RawBucket.RawObject> objects = RawBucket.read(stack.endpoints());

        assertThat(objects).as("dataset parts, receipts, tensors, checkpoints, models").hasSizeGreaterThan(10);
        assertThat(objects).allSatisfy(object -> {
            assertThat(object.metadata()).as(object.key()).containsEntry("aiaas-encryption", "aes-256-gcm-64k");
            assertThat(object.bytes()).as(object.key()).doesNotContain("setosa").doesNotContain("sepal_length");
        });
        assertThat(objects).extracting(RawBucket.RawObject::key)
                .anyMatch(key -> key.startsWith("datasets/iris/")).anyMatch(key -> key.startsWith("models/iris/"));
    }

    private static Job trainAnotherIrisVersion() throws InterruptedException {
        DatasetOutcome iris = outcome("iris");
        Job job = services.training().submitJob(SubmitJobRequest.newBuilder().setSpec(JobSpec.newBuilder()
                .setDataset("iris").setDatasetVersion(iris.datasetVersion()).setPipeline("default")
                .setFamily(ModelFamily.MLP).setModelName("iris")
                .setHyperparameters(Hyperparameters.newBuilder().setEpochs(40).setBatchSize(16).setLearningRate(0.01)
                        .addHiddenUnits(32).setSeed(11))).build());
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            job = services.training().getJob(GetJobRequest.newBuilder().setId(job.getId()).build());
            if (job.getState() == JobState.SUCCEEDED) {
                return job;
            }
            assertThat(job.getState()).isIn(JobState.QUEUED, JobState.RUNNING);
            Thread.sleep(500);
        }
        throw new AssertionError("second iris job did not finish: " + job);
    }

    private static ModelInferRequest irisBatch(int rows) {
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName("iris");
        double[][] samples = {{5.1, 3.5, 1.4, 0.2}, {6.4, 3.2, 4.5, 1.5}, {6.3, 3.3, 6.0, 2.5}};
        String[] columns = {"sepal_length", "sepal_width", "petal_length", "petal_width"};
        for (int c = 0; c < columns.length; c++) {
            InferTensorContents.Builder values = InferTensorContents.newBuilder();
            for (int row = 0; row < rows; row++) {
                values.addFp32Contents((float) samples[row % 3][c]);
            }
            request.addInputs(InferInputTensor.newBuilder().setName(columns[c]).setDatatype("FP32").addShape(rows)
                    .setContents(values));
        }
        return request.build();
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String marker, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-dlq-" + marker,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("aiaas.ingest.dlq"));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (record.value() != null && record.value().contains(marker)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("the bad record did not reach aiaas.ingest.dlq within " + timeout);
    }

    private static Schema irisSchema() {
        Schema.Builder schema = Schema.newBuilder().setLabelColumn("species");
        for (String name : List.of("sepal_length", "sepal_width", "petal_length", "petal_width")) {
            schema.addColumns(Column.newBuilder().setName(name).setType(ColumnType.DOUBLE));
        }
        return schema.addColumns(Column.newBuilder().setName("species").setType(ColumnType.STRING)).build();
    }

    private static DatasetOutcome outcome(String dataset) {
        return summary.datasets().stream().filter(d -> d.dataset().equals(dataset)).findFirst().orElseThrow();
    }


    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
