package dev.aiaas.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.errors.Projects;
import dev.aiaas.events.Topics;
import dev.aiaas.ml.npz.NpyArray;
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
import dev.aiaas.preprocess.storage.SealReceipts;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServers;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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

    @Inject
    SealReceipts receipts;

    @Test
    void irisIsSplitStratifiedAndStandardisedOnTheTrainingSplitOnly() throws Exception {
        String dataset = unique();
        receipts.record(Projects.DEFAULT, SealedFixture.sealIris(store, dataset, 1));

        PreparedDataset prepared = preprocess.prepare(PrepareRequest.newBuilder()
                .setDataset(dataset).setDatasetVersion(1)
                .setPipeline(PipelineSpec.newBuilder().setName("std")
                        .addSteps(Step.newBuilder().setStandardize(Standardize.getDefaultInstance()))
                        .setSplit(Split.newBuilder().setTrain(0.7).setValidation(0.15).setTest(0.15).setSeed(7).setStratify(true)))
                .build());

        assertThat(prepared.getSplitsList()).extracting(SplitSummary::getRows).containsExactly(105L, 23L, 22L);
        assertThat(prepared.getClassLabelsList()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(prepared.getInputShapeList()).containsExactly(4L);
        NpyArray trainX = PreparedFiles.tensors(store, prepared, 0).get("x");
        NpyArray testX = PreparedFiles.tensors(store, prepared, 2).get("x");
        assertThat(trainX.shape()).containsExactly(105L, 4L);
        assertThat(PreparedFiles.columnMean(trainX, 0)).isCloseTo(0.0, within(1e-5));
        assertThat(PreparedFiles.columnMean(testX, 0)).isNotCloseTo(0.0, within(1e-5));
        assertThat(PreparedFiles.tensors(store, prepared, 0).get("y").longs()).containsOnly(0L, 1L, 2L);

        FittedPipeline transform = FittedPipelineJson.read(new String(
                store.readAllVerified(prepared.getTransform().getKey(), prepared.getTransform().getSha256()),
                StandardCharsets.UTF_8));
        float[] row = transform.applyRow(Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4,
                "petal_width", 0.2));
        assertThat(row).hasSize(4);
        assertThat(store.exists(prepared.getProfile().getKey())).isTrue();
    }

    @Test
    void aDoubleLabelIsPreparedForRegressionWithFloatTargetsAndASplitAcrossItsRange() throws Exception {
        String dataset = unique();
        receipts.record(Projects.DEFAULT, SealedFixture.sealCars(store, dataset));

        PreparedDataset prepared = preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).build());

        assertThat(prepared.getTask()).isEqualTo(dev.aiaas.proto.common.v1.Task.REGRESSION);
        assertThat(prepared.getClassLabelsList()).isEmpty();
        assertThat(prepared.getSplitsList().stream().mapToLong(SplitSummary::getRows).sum()).isEqualTo(398);
        assertThat(prepared.getSplits(2).getRows()).isBetween(55L, 65L);
        assertThat(prepared.getFeatureNamesList()).contains("Horsepower", "Origin=Europe", "Origin=Japan", "Origin=USA")
                .anyMatch(name -> name.startsWith("Year="));
        NpyArray trainY = PreparedFiles.tensors(store, prepared, 0).get("y");
        NpyArray testY = PreparedFiles.tensors(store, prepared, 2).get("y");
        assertThat(trainY.type()).isEqualTo(dev.aiaas.ml.npz.NpyType.FLOAT32);
        assertThat(trainY.shape()).containsExactly(prepared.getSplits(0).getRows());
        float[] test = testY.floats().clone();
        java.util.Arrays.sort(test);
        assertThat(test[0]).as("miles per gallon, as stored").isGreaterThanOrEqualTo(9f);
        assertThat(test[test.length - 1]).isLessThanOrEqualTo(46.6f);
        assertThat(test[0]).as("the test split spans the range: its lowest").isLessThan(15f);
        assertThat(test[test.length - 1]).as("and its highest").isGreaterThan(33f);
        assertThat(PreparedFiles.tensors(store, prepared, 0).get("x").floats()).doesNotContain(Float.NaN);
    }

    @Test
    void regressionOnALabelThatIsNotANumberIsRefusedWithWhatToDo() throws Exception {
        String dataset = unique();
        receipts.record(Projects.DEFAULT, SealedFixture.sealIris(store, dataset, 1));

        assertThatThrownBy(() -> preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).setPipeline(PipelineSpec.newBuilder().setName("as-numbers")
                        .setTask(dev.aiaas.proto.common.v1.Task.REGRESSION)).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("regression needs a numeric label");
                });
    }

    @Test
    void preparingAgainReturnsTheSameImmutableOutput() throws Exception {
        String dataset = unique();
        receipts.record(Projects.DEFAULT, SealedFixture.sealIris(store, dataset, 1));
        PrepareRequest request = PrepareRequest.newBuilder().setDataset(dataset).setDatasetVersion(1).build();

        PreparedDataset first = preprocess.prepare(request);
        PreparedDataset second = preprocess.prepare(request);
        PreparedDataset spelledOut = preprocess.prepare(request.toBuilder().setPipeline(PipelineSpec.newBuilder()
                .setName("default").setSplit(Split.newBuilder().setTrain(0.7).setValidation(0.15).setTest(0.15)
                        .setSeed(42).setStratify(true))).build());

        assertThat(second).isEqualTo(first);
        assertThat(spelledOut).as("the default split written out is the same spec").isEqualTo(first);
        assertThat(first.getSpecSha256()).hasSize(64);
        assertThat(first.getSplits(0).getTensors().getKey())
                .startsWith("prepared/" + dataset + "/v1/default/" + first.getSpecSha256().substring(0, 16) + "/");
    }

    @Test
    void theSameNameWithOtherStepsIsRefusedAndANewNamePreparesItAnew() throws Exception {
        String dataset = unique();
        receipts.record(Projects.DEFAULT, SealedFixture.sealIris(store, dataset, 1));
        PreparedDataset plain = preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset).setDatasetVersion(1)
                .setPipeline(PipelineSpec.newBuilder().setName("features")).build());
        PipelineSpec standardised = PipelineSpec.newBuilder().setName("features")
                .addSteps(Step.newBuilder().setStandardize(Standardize.getDefaultInstance())).build();

        assertThatThrownBy(() -> preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).setPipeline(standardised).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
                    assertThat(e.getStatus().getDescription()).contains("another spec").contains("new pipeline name");
                });
        PreparedDataset renamed = preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).setPipeline(standardised.toBuilder().setName("features-std")).build());

        assertThat(renamed.getSpecSha256()).isNotEqualTo(plain.getSpecSha256());
        assertThat(renamed.getPipeline().getStepsList()).hasSize(1);
        assertThat(PreparedFiles.columnMean(PreparedFiles.tensors(store, renamed, 0).get("x"), 0)).isCloseTo(0.0, within(1e-5));
        assertThat(preprocess.getPreparedDataset(GetPreparedDatasetRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).setPipeline("features").build())).isEqualTo(plain);
    }

    @Test
    void aManifestThatIsNotWhatTheSealCommittedIsNeverPrepared() throws Exception {
        String dataset = unique();
        DatasetVersionSealed sealed = SealedFixture.sealIris(store, dataset, 1);
        receipts.record(Projects.DEFAULT, sealed);
        // a seal attempt that rolled back, or anyone, writes other bytes under the committed key
        store.put(sealed.getManifestKey(), "{\"dataset\": \"other\"}".getBytes(StandardCharsets.UTF_8),
                "application/json");

        assertThatThrownBy(() -> preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DATA_LOSS);
                    assertThat(e.getStatus().getDescription()).contains("not what its seal committed");
                });
    }

    @Test
    void aSealedEventIsPreparedWithTheDefaultPipeline() throws Exception {
        String dataset = unique();
        DatasetVersionSealed event = SealedFixture.sealIris(store, dataset, 3);
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
    void aVersionWhoseSealPreprocessHasNotReceivedIsNotFoundEvenIfItsObjectsExist() throws Exception {
        String dataset = unique();
        SealedFixture.sealIris(store, dataset, 1); // objects written, seal never announced (rolled back)

        assertThatThrownBy(() -> preprocess.prepare(PrepareRequest.newBuilder()
                .setDataset(dataset).setDatasetVersion(1).build()))
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

    private static String unique() {
        return "iris-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
