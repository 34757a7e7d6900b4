package dev.aiaas.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Topics;
import dev.aiaas.ml.npz.NpyArray;
import dev.aiaas.ml.npz.NpzReader;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.proto.events.v1.DatasetVersionSealed;
import dev.aiaas.proto.preprocess.v1.GetPreparedDatasetRequest;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PrepareRequest;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc.PreprocessServiceBlockingStub;
import dev.aiaas.proto.preprocess.v1.Split;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import dev.aiaas.proto.preprocess.v1.Standardize;
import dev.aiaas.proto.preprocess.v1.Step;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServers;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class PrepareTest {

    @GrpcClient("preprocess")
    PreprocessServiceBlockingStub preprocess;

    @Inject
    ArtifactStore store;

    @Test
    void irisIsSplitStratifiedAndStandardisedOnTheTrainingSplitOnly() throws Exception {
        String dataset = unique();
        SealedFixture.sealIris(store, dataset, 1);

        PreparedDataset prepared = preprocess.prepare(PrepareRequest.newBuilder()
                .setDataset(dataset).setDatasetVersion(1)
                .setPipeline(PipelineSpec.newBuilder().setName("std")
                        .addSteps(Step.newBuilder().setStandardize(Standardize.getDefaultInstance()))
                        .setSplit(Split.newBuilder().setTrain(0.7).setValidation(0.15).setTest(0.15).setSeed(7).setStratify(true)))
                .build());

        assertThat(prepared.getSplitsList()).extracting(SplitSummary::getRows).containsExactly(105L, 23L, 22L);
        assertThat(prepared.getClassLabelsList()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(prepared.getInputShapeList()).containsExactly(4L);
        NpyArray trainX = tensors(prepared, 0).get("x");
        NpyArray testX = tensors(prepared, 2).get("x");
        assertThat(trainX.shape()).containsExactly(105L, 4L);
        assertThat(columnMean(trainX, 0)).isCloseTo(0.0, within(1e-5));
        assertThat(columnMean(testX, 0)).isNotCloseTo(0.0, within(1e-5));
        assertThat(tensors(prepared, 0).get("y").longs()).containsOnly(0L, 1L, 2L);

        FittedPipeline transform = FittedPipelineJson.read(new String(
                store.readAllVerified(prepared.getTransform().getKey(), prepared.getTransform().getSha256()),
                StandardCharsets.UTF_8));
        float[] row = transform.applyRow(Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4,
                "petal_width", 0.2));
        assertThat(row).hasSize(4);
        assertThat(store.exists(prepared.getProfile().getKey())).isTrue();
    }

    @Test
    void preparingAgainReturnsTheSameImmutableOutput() throws Exception {
        String dataset = unique();
        SealedFixture.sealIris(store, dataset, 1);
        PrepareRequest request = PrepareRequest.newBuilder().setDataset(dataset).setDatasetVersion(1).build();

        PreparedDataset first = preprocess.prepare(request);
        PreparedDataset second = preprocess.prepare(request);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aSealedEventIsPreparedWithTheDefaultPipeline() throws Exception {
        String dataset = unique();
        SealedFixture.sealIris(store, dataset, 3);
        DatasetVersionSealed event = DatasetVersionSealed.newBuilder()
                .setHeader(EventHeaders.newHeader("test")).setDataset(dataset).setVersion(3).setRowCount(150).build();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INGEST_EVENTS, dataset, event.toByteArray())).get();
        }

        PreparedDataset prepared = awaitPrepared(dataset, 3, Duration.ofSeconds(60));

        assertThat(prepared.getSplitsList()).extracting(SplitSummary::getRows).containsExactly(105L, 23L, 22L);
        assertThat(prepared.getFeatureNamesList()).contains("petal_length");
    }

    @Test
    void unsealedVersionIsNotFound() {
        assertThatThrownBy(() -> preprocess.prepare(PrepareRequest.newBuilder()
                .setDataset("never-sealed").setDatasetVersion(1).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).contains("SealVersion");
                });
    }

    private PreparedDataset awaitPrepared(String dataset, long version, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return preprocess.getPreparedDataset(GetPreparedDatasetRequest.newBuilder()
                        .setDataset(dataset).setDatasetVersion(version).setPipeline("default").build());
            } catch (StatusRuntimeException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError(dataset + " v" + version + " was not prepared within " + timeout);
    }

    private Map<String, NpyArray> tensors(PreparedDataset prepared, int split) throws Exception {
        var ref = prepared.getSplits(split).getTensors();
        return NpzReader.read(new ByteArrayInputStream(store.readAllVerified(ref.getKey(), ref.getSha256())));
    }

    private static double columnMean(NpyArray x, int column) {
        float[] values = x.floats();
        int width = (int) x.shape()[1];
        double sum = 0;
        for (int i = column; i < values.length; i += width) {
            sum += values[i];
        }
        return sum / (values.length / width);
    }

    private static String unique() {
        return "iris-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
