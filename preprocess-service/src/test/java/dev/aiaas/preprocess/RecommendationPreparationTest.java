package dev.aiaas.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.Projects;
import dev.aiaas.ml.interactions.IdIndex;
import dev.aiaas.ml.interactions.InteractionsJson;
import dev.aiaas.ml.npz.NpyArray;
import dev.aiaas.preprocess.storage.SealReceipts;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.preprocess.v1.Interactions;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PrepareRequest;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc.PreprocessServiceBlockingStub;
import dev.aiaas.proto.preprocess.v1.Split;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import dev.aiaas.proto.preprocess.v1.Step;
import dev.aiaas.proto.preprocess.v1.Standardize;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Preparing interactions for a recommender, on the real flights: 20,000 flights are 2,977 routes
 * (origin to destination), numbered by an index of 220 origins and 223 destinations; a share of
 * each origin's routes is held out, so no route is in two splits and every origin keeps one to train on.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class RecommendationPreparationTest {

    private static final Interactions ROUTES = Interactions.newBuilder().setUserColumn("origin")
            .setItemColumn("destination").setSharedIds(true).build();

    @GrpcClient("preprocess")
    PreprocessServiceBlockingStub preprocess;

    @Inject
    ArtifactStore store;

    @Inject
    SealReceipts receipts;

    @Test
    void flightsBecomeRoutesWithAShareOfEachOriginsRoutesHeldOut() throws Exception {
        String dataset = sealedFlights();

        PreparedDataset prepared = preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).setPipeline(PipelineSpec.newBuilder().setInteractions(ROUTES)).build());

        assertThat(prepared.getTask()).isEqualTo(Task.RECOMMENDATION);
        assertThat(prepared.getInteractions().getUsers()).isEqualTo(220);
        assertThat(prepared.getInteractions().getItems()).isEqualTo(223);
        assertThat(prepared.getInteractions().getSharedIds()).isTrue();
        assertThat(prepared.getPipeline().getSplit().getTest()).isEqualTo(0.10);
        assertThat(prepared.getSplitsList()).extracting(SplitSummary::getName)
                .containsExactly("train", "validation", "test");
        assertThat(prepared.getSplitsList().stream().mapToLong(SplitSummary::getRows).sum()).isEqualTo(2977);
        assertThat(prepared.getSplits(2).getRows()).isBetween(250L, 400L);

        IdIndex index = InteractionsJson.read(new String(store.readAllVerified(prepared.getTransform().getKey(),
                prepared.getTransform().getSha256()), StandardCharsets.UTF_8)).index();
        assertThat(index.userCount()).isEqualTo(220);
        assertThat(index.userIds()).contains("ORD", "ATL", "DEN");
        Map<String, Set<Long>> routesBySplit = new HashMap<>();
        Set<Long> all = new HashSet<>();
        for (int split = 0; split < 3; split++) {
            Map<String, NpyArray> pairs = PreparedFiles.tensors(store, prepared, split);
            long[] users = pairs.get("user").longs();
            long[] items = pairs.get("item").longs();
            for (float weight : pairs.get("weight").floats()) {
                assertThat(weight).as("flights on a route").isGreaterThanOrEqualTo(1f);
            }
            Set<Long> routes = new HashSet<>();
            for (int n = 0; n < users.length; n++) {
                routes.add(users[n] * index.itemCount() + items[n]);
            }
            routesBySplit.put(prepared.getSplits(split).getName(), routes);
            all.addAll(routes);
        }
        assertThat(all).as("no route lies in two splits").hasSize(2977);
        Set<Long> trainUsers = new HashSet<>();
        routesBySplit.get("train").forEach(route -> trainUsers.add(route / index.itemCount()));
        assertThat(trainUsers).as("every origin keeps a route to train on").hasSize(220);
    }

    @Test
    void interactionsThatCannotBePreparedAreRefusedSayingWhatToFix() throws Exception {
        String dataset = sealedFlights();

        assertInvalid(PipelineSpec.newBuilder().setName("no-item")
                .setInteractions(ROUTES.toBuilder().setItemColumn("airport")), dataset,
                "the item column 'airport' is not in the dataset");
        assertInvalid(PipelineSpec.newBuilder().setName("text-weight")
                .setInteractions(ROUTES.toBuilder().setWeightColumn("date")), dataset, "weights must be numbers");
        assertInvalid(PipelineSpec.newBuilder().setName("negative-weight")
                .setInteractions(ROUTES.toBuilder().setWeightColumn("delay")), dataset, "finite and positive");
        assertInvalid(PipelineSpec.newBuilder().setName("steps").setInteractions(ROUTES)
                .addSteps(Step.newBuilder().setStandardize(Standardize.getDefaultInstance())), dataset, "no steps");
        assertInvalid(PipelineSpec.newBuilder().setName("stratified").setInteractions(ROUTES)
                .setSplit(Split.newBuilder().setTrain(0.8).setValidation(0.1).setTest(0.1).setStratify(true)),
                dataset, "split per user");
        assertInvalid(PipelineSpec.newBuilder().setName("no-interactions").setTask(Task.RECOMMENDATION), dataset,
                "interactions.user_column");
    }

    private String sealedFlights() throws Exception {
        String dataset = "flights-" + UUID.randomUUID().toString().substring(0, 8);
        receipts.record(Projects.DEFAULT, SealedFixture.sealFlights(store, dataset));
        return dataset;
    }

    private void assertInvalid(PipelineSpec.Builder spec, String dataset, String message) {
        assertThatThrownBy(() -> preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).setPipeline(spec).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains(message);
                });
    }
}
