package dev.aiaas.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.ByteString;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.events.v1.RegistryEvent;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelReadyRequest;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServers;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class ServingTest {

    private static IrisModels iris;

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    @BeforeEach
    void deployOnce() throws Exception {
        if (iris != null) {
            return;
        }
        iris = IrisFixture.models(store);
        deployments.deploy(DeployRequest.newBuilder().setEndpoint("iris").setModelName("iris").setAlias("champion").build());
    }

    @Test
    void aBatchOf32GetsProbabilitiesAndClassesOfTheRightShapes() {
        float[] features = iris.transform.apply(iris.table).values();
        float[] batch = java.util.Arrays.copyOf(features, 32 * 4);
        int[] labels = iris.transform.apply(iris.table).labels();

        ModelInferResponse response = inference.modelInfer(prepared(batch, 32).build());

        assertThat(response.getOutputs(0).getName()).isEqualTo("probabilities");
        assertThat(response.getOutputs(0).getShapeList()).containsExactly(32L, 3L);
        assertThat(response.getOutputs(1).getName()).isEqualTo("predicted_class");
        assertThat(response.getOutputs(1).getShapeList()).containsExactly(32L);
        List<Long> predicted = response.getOutputs(1).getContents().getInt64ContentsList();
        long correct = java.util.stream.IntStream.range(0, 32).filter(i -> predicted.get(i) == labels[i]).count();
        assertThat(correct).isGreaterThanOrEqualTo(29);
        assertThat(inference.modelReady(ModelReadyRequest.newBuilder().setName("iris").build()).getReady()).isTrue();
        var metadata = inference.modelMetadata(ModelMetadataRequest.newBuilder().setName("iris").build());
        assertThat(metadata.getInputs(0).getShapeList()).containsExactly(-1L, 4L);
    }

    @Test
    void rawFeaturesAreTransformedInTheServerExactlyAsInTraining() {
        int rows = iris.test.rowCount();
        ModelInferRequest.Builder raw = ModelInferRequest.newBuilder().setModelName("iris");
        for (String column : IrisModels.COLUMNS) {
            InferTensorContents.Builder values = InferTensorContents.newBuilder();
            for (int row = 0; row < rows; row++) {
                values.addFp64Contents(iris.rawTest(row, column));
            }
            raw.addInputs(InferInputTensor.newBuilder().setName(column).setDatatype("FP64").addShape(rows).setContents(values));
        }

        List<Float> fromRaw = inference.modelInfer(raw.build()).getOutputs(0).getContents().getFp32ContentsList();
        List<Float> fromPrepared = inference.modelInfer(prepared(iris.test.values(), rows).build())
                .getOutputs(0).getContents().getFp32ContentsList();

        assertThat(fromRaw).hasSize(rows * 3);
        for (int i = 0; i < fromRaw.size(); i++) {
            assertThat(fromRaw.get(i)).isCloseTo(fromPrepared.get(i), within(1e-6f));
        }
    }

    @Test
    void rawInputContentsGetRawOutputContentsWithTheSameAnswer() {
        float[] batch = iris.test.values();
        int rows = iris.test.rowCount();
        ByteBuffer bytes = ByteBuffer.allocate(batch.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : batch) {
            bytes.putFloat(value);
        }
        ModelInferRequest request = ModelInferRequest.newBuilder().setModelName("iris")
                .addInputs(InferInputTensor.newBuilder().setName("input").setDatatype("FP32").addShape(rows).addShape(4))
                .addRawInputContents(ByteString.copyFrom(bytes.array())).build();

        ModelInferResponse raw = inference.modelInfer(request);
        List<Float> expected = inference.modelInfer(prepared(batch, rows).build()).getOutputs(0).getContents().getFp32ContentsList();

        ByteBuffer probabilities = raw.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(raw.getRawOutputContentsCount()).as("probabilities, predicted_class, predicted_label").isEqualTo(3);
        for (float value : expected) {
            assertThat(probabilities.getFloat()).isEqualTo(value);
        }
    }

    @Test
    void badRequestsAreRefusedWithWhatIsWrong() {
        assertStatus(ModelInferRequest.newBuilder().setModelName("iris").addInputs(InferInputTensor.newBuilder()
                .setName("input").setDatatype("INT8").addShape(1).addShape(4)).build(), Status.Code.INVALID_ARGUMENT, "FP32");
        assertStatus(prepared(new float[7], 2).build(), Status.Code.INVALID_ARGUMENT, "needs 8");
        assertStatus(prepared(new float[6], 2).clearInputs().addInputs(InferInputTensor.newBuilder().setName("input")
                .setDatatype("FP32").addShape(2).addShape(3).setContents(InferTensorContents.newBuilder()
                        .addAllFp32Contents(List.of(1f, 2f, 3f, 4f, 5f, 6f)))).build(), Status.Code.INVALID_ARGUMENT, "takes 4");
        assertStatus(ModelInferRequest.newBuilder().setModelName("iris").addInputs(InferInputTensor.newBuilder()
                .setName("sepal_length").setDatatype("FP32").addShape(1)
                .setContents(InferTensorContents.newBuilder().addFp32Contents(5f))).build(),
                Status.Code.INVALID_ARGUMENT, "no value for column 'sepal_width'");
        assertStatus(prepared(new float[4], 1).setModelName("tulips").build(), Status.Code.NOT_FOUND, "tulips");
    }

    @Test
    void anAliasMoveSwapsVersionsWithoutFailingOneOf600ConcurrentRequests() throws Exception {
        ModelInferRequest request = prepared(iris.test.values(), iris.test.rowCount()).build();
        AtomicInteger failures = new AtomicInteger();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // Requests keep coming across the swap: at least 600, and until the new version answers.
        for (int i = 0; i < 600 || (!versionsSeen.contains("2") && System.nanoTime() < giveUp); i++) {
            if (i == 150) {
                PeerRegistry.setAlias("iris", "champion", 2);
                publishAliasMove("iris", "champion", 2, 1);
            }
            sent.add(clients.submit(() -> {
                try {
                    versionsSeen.add(inference.modelInfer(request).getModelVersion());
                } catch (StatusRuntimeException e) {
                    failures.incrementAndGet();
                }
            }));
            if (i % 50 == 0) {
                Thread.sleep(100); // spread the load over the swap
            }
        }
        for (Future<?> f : sent) {
            f.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertThat(failures.get()).isZero();
        assertThat(versionsSeen).contains("1", "2");
        assertThat(deployments.getDeployment(GetDeploymentRequest.newBuilder().setEndpoint("iris").build())
                .getServingVersion()).isEqualTo(2);
    }

    @Test
    void restInferenceAnswersLikeGrpc() {
        given().contentType("application/json")
                .body("""
                        {"id": "r1", "inputs": [
                          {"name": "sepal_length", "shape": [2], "datatype": "FP32", "data": [5.1, 6.7]},
                          {"name": "sepal_width", "shape": [2], "datatype": "FP32", "data": [3.5, 3.0]},
                          {"name": "petal_length", "shape": [2], "datatype": "FP32", "data": [1.4, 5.2]},
                          {"name": "petal_width", "shape": [2], "datatype": "FP32", "data": [0.2, 2.3]}]}""")
                .post("/v2/models/iris/infer")
                .then().statusCode(200)
                .body("outputs[1].name", org.hamcrest.Matchers.equalTo("predicted_class"))
                .body("outputs[1].data", org.hamcrest.Matchers.contains(0, 2));
        given().contentType("application/json").body("{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 4], \"datatype\": \"FP32\", \"data\": [1, 2]}]}")
                .post("/v2/models/iris/infer").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("needs 4"));
    }

    @Test
    void answersAreLoggedWithTheirRawFeaturesForMonitoring() {
        ModelInferRequest.Builder raw = ModelInferRequest.newBuilder().setModelName("iris").setId("logged-" + UUID.randomUUID());
        for (String column : IrisModels.COLUMNS) {
            raw.addInputs(InferInputTensor.newBuilder().setName(column).setDatatype("FP32").addShape(1)
                    .setContents(InferTensorContents.newBuilder().addFp32Contents(2.5f)));
        }
        inference.modelInfer(raw.build());

        PredictionLogged logged = PredictionTopic.awaitLogged(raw.getId(), Duration.ofSeconds(20));

        assertThat(logged.getEndpoint()).isEqualTo("iris");
        assertThat(EventHeaders.project(logged.getHeader())).as("a call naming no project is the default one's")
                .isEqualTo("default");
        assertThat(logged.getStatus()).isEqualTo("OK");
        assertThat(logged.getFeatureNamesList()).containsExactlyElementsOf(IrisModels.COLUMNS);
        assertThat(logged.getFeaturesList()).containsExactly(2.5, 2.5, 2.5, 2.5);
        assertThat(logged.getCategoricalNamesList()).as("Iris has no categorical column").isEmpty();
        assertThat(logged.getPredictedLabelsList()).hasSize(1).first().isIn("setosa", "versicolor", "virginica");
        assertThat(logged.getBaselineProfile().getSha256()).hasSize(64);
        assertThat(logged.getLatencySeconds()).isPositive();
    }

    @Test
    void everyAnswerCarriesAnIdTheClientsOrOneMadeForItThatTheLogEntryShares() {
        float[] row = Arrays.copyOf(iris.test.values(), 4);
        ModelInferResponse named = inference.modelInfer(prepared(row, 1).setId("order-17").build());
        ModelInferResponse unnamed = inference.modelInfer(prepared(row, 1).build());

        assertThat(named.getId()).isEqualTo("order-17");
        assertThat(unnamed.getId()).as("a UUID made by serving").hasSize(36);
        assertThat(PredictionTopic.awaitLogged(unnamed.getId(), Duration.ofSeconds(20)).getEndpoint()).isEqualTo("iris");
        assertStatus(prepared(row, 1).setId("x".repeat(257)).build(), Status.Code.INVALID_ARGUMENT,
                "at most 256");
    }

    private static ModelInferRequest.Builder prepared(float[] values, int rows) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (float value : values) {
            contents.addFp32Contents(value);
        }
        return ModelInferRequest.newBuilder().setModelName("iris").addInputs(InferInputTensor.newBuilder()
                .setName("input").setDatatype("FP32").addShape(rows).addShape(4).setContents(contents));
    }

    private void assertStatus(ModelInferRequest request, Status.Code code, String mentions) {
        assertThatThrownBy(() -> inference.modelInfer(request)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).contains(mentions);
        });
    }

    private static void publishAliasMove(String model, String alias, long version, long previous) throws Exception {
        RegistryEvent event = RegistryEvent.newBuilder().setHeader(EventHeaders.newHeader("test", Projects.DEFAULT)).setModelName(model)
                .setAliasSet(RegistryEvent.AliasSet.newBuilder().setAlias(alias).setVersion(version).setPreviousVersion(previous))
                .build();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REGISTRY_EVENTS, model, event.toByteArray())).get();
        }
    }
}
