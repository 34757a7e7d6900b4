package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.DemoDataset;
import dev.aiaas.cli.demo.LifecycleRun;
import dev.aiaas.cli.demo.Progress;
import dev.aiaas.errors.Projects;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.ListDatasetsRequest;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.serving.v1.ListDeploymentsRequest;
import dev.aiaas.security.LocalKeys;
import dev.aiaas.security.PemKeys;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.security.Role;
import dev.aiaas.security.TokenSigner;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two projects run the same lifecycle under the same names through the running stack — dataset,
 * prepared data, job, model and endpoint all called "iris" — and neither sees the other's: a
 * caller with a role in both gets NOT_FOUND for one project's resource asked for in the other,
 * each endpoint answers from its own project's model, and the bucket keeps each project's objects
 * under its own root.
 */
class ProjectIsolationIT {

    private static final String ALPHA = "alpha-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String BETA = "beta-" + UUID.randomUUID().toString().substring(0, 6);

    private static final DemoDataset IRIS = DemoDataset.iris(ServicesUnderTest.repositoryRoot().resolve("datasets"));

    private static LocalStack stack;
    private static Services alpha;
    private static Services beta;
    private static LifecycleRun.Result alphaRun;
    private static LifecycleRun.Result betaRun;

    @BeforeAll
    static void runTheSameLifecycleInTwoProjects() throws Exception {
        stack = RunningStack.get();
        alpha = Services.connect(RunningStack.addresses(stack), stack.transport(),
                stack.keys().mint("alice", ALPHA, Role.ADMIN, Duration.ofHours(1)));
        beta = Services.connect(RunningStack.addresses(stack), stack.transport(),
                stack.keys().mint("bob", BETA, Role.ADMIN, Duration.ofHours(1)));
        alphaRun = new LifecycleRun(alpha, new Progress(System.out)).run(IRIS);
        betaRun = new LifecycleRun(beta, new Progress(System.out)).run(IRIS);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        RunningStack.leaveServing(alpha);
        if (beta != null) {
            beta.close();
        }
    }

    @Test
    void eachProjectHasItsOwnIrisFromDatasetToEndpoint() {
        assertThat(alphaRun.version().getVersion()).isEqualTo(1);
        assertThat(betaRun.version().getVersion()).as("versions count per project").isEqualTo(1);
        assertThat(alphaRun.job().getId()).isNotEqualTo(betaRun.job().getId());

        for (var run : List.of(Map.entry(alpha, alphaRun), Map.entry(beta, betaRun))) {
            Services services = run.getKey();
            var champion = services.registry().getModelVersion(GetModelVersionRequest.newBuilder()
                    .setModelName("iris").setAlias("champion").build());
            assertThat(champion.getLineage().getTrainingJobId()).as("the model the project trained itself")
                    .isEqualTo(run.getValue().job().getId());
            assertThat(services.deployments().listDeployments(ListDeploymentsRequest.getDefaultInstance())
                    .getDeploymentsList()).extracting(d -> d.getEndpoint()).containsExactly("iris");
            ModelInferResponse answer = services.inference().modelInfer(oneFlower());
            assertThat(answer.getModelVersion()).isEqualTo(Long.toString(champion.getVersion()));
        }
    }

    @Test
    void overRestEachTokenReachesTheEndpointOfItsOwnProject() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(stack.transport().sslContext()).build();
        String base = stack.service(ServiceName.SERVING).httpBase();
        String body = "{\"inputs\": [{\"name\": \"sepal_length\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [6.3]},"
                + " {\"name\": \"sepal_width\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [3.3]},"
                + " {\"name\": \"petal_length\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [6.0]},"
                + " {\"name\": \"petal_width\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [2.5]}]}";
        String onlyBeta = stack.keys().mint("dana", BETA, Role.VIEWER, Duration.ofMinutes(10));

        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/models/iris/infer"))
                .header("authorization", "Bearer " + onlyBeta).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherProject = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/models/iris"))
                .header("authorization", "Bearer " + onlyBeta).header(Projects.HEADER, ALPHA).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).contains("\"model_version\":\"" + betaChampionVersion() + "\"");
        assertThat(otherProject.statusCode()).as("a project the token holds no role in").isEqualTo(404);
    }

    @Test
    void aCallerInBothProjectsFindsOneProjectsDatasetMissingInTheOther() {
        String both = TokenSigner.sign(PemKeys.readPrivate(stack.keys().userPrivateKey()), LocalKeys.ISSUER, "carol",
                List.of(ALPHA + ":viewer", BETA + ":viewer"), Instant.now(), Instant.now().plusSeconds(3600));
        try (Services carol = Services.connect(RunningStack.addresses(stack), stack.transport(), both)) {
            String onlyInAlpha = "only-" + ALPHA;
            alpha.ingest().createDataset(CreateDatasetRequest.newBuilder().setName(onlyInAlpha)
                    .setSchema(IRIS.schema()).build());

            assertThat(in(carol.ingest(), ALPHA).getDataset(GetDatasetRequest.newBuilder().setName(onlyInAlpha).build())
                    .getName()).isEqualTo(onlyInAlpha);
            assertThatThrownBy(() -> in(carol.ingest(), BETA).getDataset(GetDatasetRequest.newBuilder()
                    .setName(onlyInAlpha).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
            assertThat(in(carol.ingest(), BETA).listDatasets(ListDatasetsRequest.getDefaultInstance()).getDatasetsList())
                    .extracting(d -> d.getName()).containsExactly("iris");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theBucketKeepsAnotherProjectsObjectsUnderItsOwnRoot() throws Exception {
        List<String> keys = RawBucket.read(stack.endpoints()).stream().map(RawBucket.RawObject::key).toList();

        for (String root : List.of("datasets/iris/", "prepared/iris/", "models/iris/")) {
            assertThat(keys).anyMatch(key -> key.startsWith("projects/" + BETA + "/" + root));
            assertThat(keys).anyMatch(key -> key.startsWith("projects/" + ALPHA + "/" + root));
        }
    }

    @Test
    void aProducerWritesIntoAProjectThroughItsTopicAndCannotClaimAnother() throws Exception {
        long before = beta.ingest().getDataset(GetDatasetRequest.newBuilder().setName("iris").build()).getOpenRows();
        String row = "{\"sepal_length\": 5.0, \"sepal_width\": 3.4, \"petal_length\": 1.5, \"petal_width\": 0.2,"
                + " \"species\": \"setosa\"}";
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.endpoints().kafkaBootstrap()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("aiaas.ingest.records." + BETA, "iris", row)).get();
            ProducerRecord<String, String> claimsAlpha = new ProducerRecord<>("aiaas.ingest.records." + BETA, "iris", row);
            claimsAlpha.headers().add(Projects.HEADER, ALPHA.getBytes(StandardCharsets.UTF_8));
            producer.send(claimsAlpha).get();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long open = before;
        while (open == before && System.nanoTime() < deadline) {
            Thread.sleep(500);
            open = beta.ingest().getDataset(GetDatasetRequest.newBuilder().setName("iris").build()).getOpenRows();
        }
        Thread.sleep(2_000); // the refused one would show now

        assertThat(beta.ingest().getDataset(GetDatasetRequest.newBuilder().setName("iris").build()).getOpenRows())
                .as("the record on beta's topic, and only it").isEqualTo(before + 1);
        assertThat(alpha.ingest().getDataset(GetDatasetRequest.newBuilder().setName("iris").build()).getOpenRows())
                .as("nothing reached alpha").isZero();
    }

    private static long betaChampionVersion() {
        return beta.registry().getModelVersion(GetModelVersionRequest.newBuilder().setModelName("iris")
                .setAlias("champion").build()).getVersion();
    }

    private static ModelInferRequest oneFlower() {
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName("iris");
        String[] columns = {"sepal_length", "sepal_width", "petal_length", "petal_width"};
        float[] values = {6.3f, 3.3f, 6.0f, 2.5f};
        for (int c = 0; c < columns.length; c++) {
            request.addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName(columns[c]).setDatatype("FP32")
                    .addShape(1).setContents(InferTensorContents.newBuilder().addFp32Contents(values[c])));
        }
        return request.build();
    }

    /** {@code stub} calling for {@code project}, for a caller with roles in several. */
    private static <S extends AbstractStub<S>> S in(S stub, String project) {
        return ProjectHeader.on(stub, project);
    }
}
