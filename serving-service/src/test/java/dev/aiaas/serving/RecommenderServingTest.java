package dev.aiaas.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import com.google.protobuf.ByteString;
import dev.aiaas.models.recommend.ScoredItem;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelInferResponse.InferOutputTensor;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelStatistics;
import dev.aiaas.proto.inference.ModelStatisticsRequest;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A recommender served over the Open Inference Protocol: for user ids ({@code user_id}, BYTES or
 * INT64) it answers {@code items} (BYTES [batch, k]) and {@code scores} (FP32 [batch, k]), best
 * first, the very ranking the trained model makes, over gRPC and REST; {@code parameters.k} caps
 * the items and {@code parameters.exclude_seen} (true unless set) leaves out each user's training
 * items, k shrinking to what every row of the batch can give; a user it was not trained on is
 * NOT_FOUND, bad parameters INVALID_ARGUMENT; its metadata, statistics, memory and prediction
 * log show it; versions whose files do not fit are not loaded.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class RecommenderServingTest {

    private static final String ENDPOINT = "recommender";

    private static RecommenderModels recommender;

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    @BeforeEach
    void deployOnce() throws Exception {
        if (recommender != null) {
            return;
        }
        recommender = RecommenderModels.registered(store);
        deployments.deploy(DeployRequest.newBuilder().setEndpoint(ENDPOINT).setModelName(RecommenderModels.MODEL)
                .setVersion(1).build());
    }

    @Test
    void grpcAnswersEachUsersBestItemsAndTheirScoresBestFirst() {
        List<String> users = List.of("101", "107");

        ModelInferResponse response = inference.modelInfer(users(users).putParameters("k", k(3)).build());

        assertThat(response.getOutputsList()).extracting(o -> o.getName() + " " + o.getDatatype() + " "
                + o.getShapeList()).containsExactly("items BYTES [2, 3]", "scores FP32 [2, 3]");
        for (int row = 0; row < users.size(); row++) {
            assertRowIsTheModelsRanking(response, row, users.get(row), 3, true);
        }
    }

    @Test
    void restAnswersUserIdsSentAsInt64WithTheRequestsParameters() {
        var body = given().contentType("application/json")
                .body("{\"parameters\": {\"k\": 4, \"exclude_seen\": false}, \"inputs\": [{\"name\": \"user_id\", "
                        + "\"shape\": [2], \"datatype\": \"INT64\", \"data\": [101, 110]}]}")
                .post("/v2/models/" + ENDPOINT + "/infer")
                .then().statusCode(200)
                .body("outputs.name", contains("items", "scores"))
                .body("outputs[0].datatype", org.hamcrest.Matchers.equalTo("BYTES"))
                .body("outputs[0].shape", contains(2, 4))
                .body("outputs[1].shape", contains(2, 4))
                .extract().jsonPath();

        List<String> items = body.getList("outputs[0].data", String.class);
        List<Float> scores = body.getList("outputs[1].data", Float.class);
        List<String> users = List.of("101", RecommenderModels.HEAVY_USER);
        for (int row = 0; row < users.size(); row++) {
            List<ScoredItem> expected = recommender.top(users.get(row), 4, false);
            for (int rank = 0; rank < 4; rank++) {
                assertThat(items.get(row * 4 + rank)).isEqualTo(recommender.itemId(expected.get(rank)));
                assertThat((double) scores.get(row * 4 + rank)).isCloseTo(expected.get(rank).score(), within(1e-5));
            }
        }
    }

    @Test
    void excludeSeenLeavesOutEachUsersTrainingItemsAndFalseRanksThemToo() {
        List<String> everyone = new ArrayList<>();
        for (int n = 0; n < RecommenderModels.USERS; n++) {
            everyone.add(RecommenderModels.user(n));
        }

        ModelInferResponse excluded = inference.modelInfer(users(everyone).putParameters("k", k(2)).build());
        ModelInferResponse included = inference.modelInfer(users(everyone).putParameters("k", k(RecommenderModels.ITEMS))
                .putParameters("exclude_seen", InferParameter.newBuilder().setBoolParam(false).build()).build());

        for (int row = 0; row < everyone.size(); row++) {
            String user = everyone.get(row);
            assertThat(items(excluded, row, 2)).as("user %s, training items left out", user)
                    .doesNotContainAnyElementsOf(recommender.trainingItems(user));
            assertThat(items(included, row, RecommenderModels.ITEMS)).as("user %s, every item ranked", user)
                    .containsAll(recommender.trainingItems(user));
            assertRowIsTheModelsRanking(excluded, row, user, 2, true);
            assertRowIsTheModelsRanking(included, row, user, RecommenderModels.ITEMS, false);
        }
    }

    @Test
    void kShrinksToWhatEveryRowOfTheBatchCanGive() {
        ModelInferResponse withHeavyUser = inference.modelInfer(users(List.of("101", RecommenderModels.HEAVY_USER))
                .build()); // k 10 by default; the heavy user has only 2 items it did not have in training
        ModelInferResponse alone = inference.modelInfer(users(List.of("101")).putParameters("k", k(1000)).build());

        assertThat(withHeavyUser.getOutputs(0).getShapeList()).containsExactly(2L, 2L);
        assertRowIsTheModelsRanking(withHeavyUser, 0, "101", 2, true);
        assertRowIsTheModelsRanking(withHeavyUser, 1, RecommenderModels.HEAVY_USER, 2, true);
        int unseen = RecommenderModels.ITEMS - recommender.trainingItems("101").size();
        assertThat(alone.getOutputs(1).getShapeList()).containsExactly(1L, (long) unseen);
        assertRowIsTheModelsRanking(alone, 0, "101", unseen, true);
    }

    @Test
    void aUserTheModelWasNotTrainedOnIsNotFoundSayingWhichUsersItKnows() {
        assertThatThrownBy(() -> inference.modelInfer(users(List.of("101", "999")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).contains("user '999'").contains("recommender v1")
                            .contains("10 users").contains("recommendations need a user seen in training");
                });
        given().contentType("application/json")
                .body("{\"inputs\": [{\"name\": \"user_id\", \"shape\": [1], \"datatype\": \"BYTES\", "
                        + "\"data\": [\"nobody\"]}]}")
                .post("/v2/models/" + ENDPOINT + "/infer")
                .then().statusCode(404)
                .body("error", containsString("user 'nobody'"));
    }

    @Test
    void badParametersOrUserIdsAreInvalidArguments() {
        List<ModelInferRequest> requests = List.of(
                users(List.of("101")).putParameters("k", k(0)).build(),
                users(List.of("101")).putParameters("k", k(1001)).build(),
                users(List.of("101")).putParameters("k", InferParameter.newBuilder().setStringParam("ten").build())
                        .build(),
                users(List.of("101")).putParameters("exclude_seen", InferParameter.newBuilder().setStringParam("yes")
                        .build()).build(),
                users(List.of("101", "")).build(),
                ModelInferRequest.newBuilder().setModelName(ENDPOINT).addInputs(InferInputTensor.newBuilder()
                        .setName("user_id").setDatatype("FP32").addShape(1)
                        .setContents(InferTensorContents.newBuilder().addFp32Contents(101))).build());
        List<String> expected = List.of("parameters.k must be an integer from 1 to 1000",
                "parameters.k must be an integer from 1 to 1000", "parameters.k must be an integer from 1 to 1000",
                "parameters.exclude_seen must be a boolean", "user id of row 1 is empty",
                "user ids are BYTES (UTF-8 text) or INT64");
        for (int n = 0; n < requests.size(); n++) {
            ModelInferRequest request = requests.get(n);
            String message = expected.get(n);
            assertThatThrownBy(() -> inference.modelInfer(request))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(e.getStatus().getDescription()).contains(message);
                    });
        }
        given().contentType("application/json")
                .body("{\"parameters\": {\"k\": 0}, \"inputs\": [{\"name\": \"user_id\", \"shape\": [1], "
                        + "\"datatype\": \"BYTES\", \"data\": [\"101\"]}]}")
                .post("/v2/models/" + ENDPOINT + "/infer")
                .then().statusCode(400)
                .body("error", containsString("from 1 to 1000"));
    }

    @Test
    void askingARecommenderForAnotherTasksOutputIsRefusedSayingWhatToAskFor() {
        assertThatThrownBy(() -> inference.modelInfer(users(List.of("101"))
                .addOutputs(InferRequestedOutputTensor.newBuilder().setName("probabilities")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("output 'probabilities' is a classifier's")
                            .contains("this model recommends items for users: ask for 'items' or 'scores'");
                });
    }

    @Test
    void askingForItemsAloneAsRawContentsAnswersLengthPrefixedIds() {
        ByteBuffer ids = ByteBuffer.allocate(4 + 3).order(ByteOrder.LITTLE_ENDIAN).putInt(3)
                .put("104".getBytes(StandardCharsets.UTF_8));
        ModelInferRequest request = ModelInferRequest.newBuilder().setModelName(ENDPOINT)
                .addInputs(InferInputTensor.newBuilder().setName("user_id").setDatatype("BYTES").addShape(1))
                .addRawInputContents(ByteString.copyFrom(ids.array()))
                .addOutputs(InferRequestedOutputTensor.newBuilder().setName("items"))
                .putParameters("k", k(2)).build();

        ModelInferResponse response = inference.modelInfer(request);

        assertThat(response.getOutputsList()).extracting(InferOutputTensor::getName).containsExactly("items");
        ByteBuffer raw = response.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<String> items = new ArrayList<>();
        while (raw.hasRemaining()) {
            byte[] id = new byte[raw.getInt()];
            raw.get(id);
            items.add(new String(id, StandardCharsets.UTF_8));
        }
        assertThat(items).containsExactlyElementsOf(recommender.top("104", 2, true).stream()
                .map(recommender::itemId).toList());
    }

    @Test
    void metadataShowsTheUserIdInputAndTheRankedOutputs() {
        var grpc = inference.modelMetadata(ModelMetadataRequest.newBuilder().setName(ENDPOINT).build());
        assertThat(grpc.getInputsList()).extracting(t -> t.getName() + " " + t.getDatatype() + " " + t.getShapeList())
                .containsExactly("user_id BYTES [-1]");
        assertThat(grpc.getOutputsList()).extracting(t -> t.getName() + " " + t.getDatatype() + " " + t.getShapeList())
                .containsExactly("items BYTES [-1, -1]", "scores FP32 [-1, -1]");
        given().get("/v2/models/" + ENDPOINT).then().statusCode(200)
                .body("inputs.name", contains("user_id"))
                .body("outputs.name", contains("items", "scores"))
                .body("outputs.datatype", contains("BYTES", "FP32"));
    }

    @Test
    void answersAreLoggedWithEachRowsScores() {
        String id = "recommend-" + UUID.randomUUID();
        ModelInferResponse response = inference.modelInfer(users(List.of("102", "108")).putParameters("k", k(3))
                .setId(id).build());

        PredictionLogged logged = PredictionTopic.awaitLogged(id, Duration.ofSeconds(20));

        assertThat(logged.getRows()).isEqualTo(2);
        assertThat(logged.getPredictedWidth()).isEqualTo(3);
        assertThat(logged.getPredictedValuesList())
                .containsExactlyElementsOf(response.getOutputs(1).getContents().getFp32ContentsList());
        assertThat(logged.getPredictedClassesList()).isEmpty();
        assertThat(logged.getFeaturesList()).isEmpty();
    }

    @Test
    void requestsCountInTheEndpointsStatisticsAndTheTablesInItsMemory() {
        ModelStatistics before = statistics();

        inference.modelInfer(users(List.of("103", "105", "109")).build());

        ModelStatistics after = statistics();
        assertThat(after.getInferenceCount() - before.getInferenceCount()).isEqualTo(3);
        assertThat(after.getInferenceStats().getSuccess().getCount()
                - before.getInferenceStats().getSuccess().getCount()).isEqualTo(1);
        long tables = 4L * (RecommenderModels.USERS + RecommenderModels.ITEMS) * RecommenderModels.DIMENSION;
        assertThat(deployments.getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(ENDPOINT).build())
                .getModelMemoryBytes()).isGreaterThanOrEqualTo(tables);
    }

    @Test
    void versionsWhoseFilesDoNotFitOrLackTheirInteractionsAreNotLoaded() {
        List<String> refusals = new ArrayList<>();
        for (long version : List.of(2L, 3L)) {
            assertThatThrownBy(() -> deployments.deploy(DeployRequest.newBuilder().setEndpoint(ENDPOINT + "-" + version)
                    .setModelName(RecommenderModels.MODEL).setVersion(version).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                        refusals.add(e.getStatus().getDescription());
                    });
        }
        assertThat(refusals.get(0)).contains("recommender v2").contains("do not fit one another")
                .contains("register the version again");
        assertThat(refusals.get(1)).contains("recommender v3").contains("no 'interactions' artifact");
    }

    /** Row {@code row} of the answer is the trained model's own ranking of {@code user}'s k best items. */
    private static void assertRowIsTheModelsRanking(ModelInferResponse response, int row, String user, int k,
            boolean excludeSeen) {
        List<ScoredItem> expected = recommender.top(user, k, excludeSeen);
        List<Float> scores = response.getOutputs(1).getContents().getFp32ContentsList().subList(row * k, (row + 1) * k);
        assertThat(items(response, row, k)).as("items of user %s", user)
                .containsExactlyElementsOf(expected.stream().map(recommender::itemId).toList());
        for (int rank = 0; rank < k; rank++) {
            assertThat((double) scores.get(rank)).as("score %d of user %s", rank, user)
                    .isCloseTo(expected.get(rank).score(), within(1e-6));
            if (rank > 0) {
                assertThat(scores.get(rank)).as("best first").isLessThanOrEqualTo(scores.get(rank - 1));
            }
        }
    }

    private static List<String> items(ModelInferResponse response, int row, int k) {
        return response.getOutputs(0).getContents().getBytesContentsList().subList(row * k, (row + 1) * k).stream()
                .map(ByteString::toStringUtf8).toList();
    }

    private static ModelInferRequest.Builder users(List<String> ids) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        ids.forEach(id -> contents.addBytesContents(ByteString.copyFromUtf8(id)));
        return ModelInferRequest.newBuilder().setModelName(ENDPOINT).addInputs(InferInputTensor.newBuilder()
                .setName("user_id").setDatatype("BYTES").addShape(ids.size()).setContents(contents));
    }

    private static InferParameter k(long k) {
        return InferParameter.newBuilder().setInt64Param(k).build();
    }

    private ModelStatistics statistics() {
        return inference.modelStatistics(ModelStatisticsRequest.newBuilder().setName(ENDPOINT).build())
                .getModelStats(0);
    }
}
