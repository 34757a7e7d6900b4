package dev.aiaas.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.djl.Device;
import dev.aiaas.models.recommend.LoadedRecommender;
import dev.aiaas.models.recommend.ScoredItem;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.common.v1.TensorSpec;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobEvent;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.JobState;
import dev.aiaas.proto.training.v1.ModelFamily;
import dev.aiaas.proto.training.v1.SubmitJobRequest;
import dev.aiaas.proto.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import dev.aiaas.proto.training.v1.WatchJobRequest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A recommender job end to end inside training-service, on the real flights prepared as
 * preprocess prepares interactions: it trains matrix factorisation with shared ids, records
 * validation ranking metrics per epoch, scores the test split against most-popular, and registers
 * a version whose three files load back into the same recommender.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RegistryStandIn.class, restrictToAnnotatedClass = false)
class RecommenderJobTest {

    @GrpcClient("training")
    TrainingServiceBlockingStub training;

    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Inject
    ArtifactStore store;

    @Test
    void aRecommenderTrainsOnRoutesBeatsMostPopularAndRegistersFilesThatLoadBack() throws Exception {
        PreparedRoutes.Written routes = PreparedRoutes.write(store, unique("flights"));
        String model = unique("routes");

        List<JobEvent> events = run(spec(routes.dataset(), model, ModelFamily.MATRIX_FACTORISATION));
        Job job = training.getJob(GetJobRequest.newBuilder().setId(events.get(0).getJobId()).build());

        assertThat(job.getState()).as(job.getError()).isEqualTo(JobState.SUCCEEDED);
        assertThat(events.stream().filter(e -> e.getState() == JobState.RUNNING && e.getEpoch() > 0)).hasSize(40)
                .allSatisfy(e -> assertThat(e.getMetricsMap()).containsKey("recall_at_10"));
        Map<String, Double> metrics = job.getEvaluation().getMetricsMap();
        System.out.printf("flights recommender job: test recall@10 %.4f vs most-popular %.4f; NDCG@10 %.4f vs %.4f%n",
                metrics.get("recall_at_10"), metrics.get("popular_recall_at_10"), metrics.get("ndcg_at_10"),
                metrics.get("popular_ndcg_at_10"));
        assertThat(metrics.get("recall_at_10")).isGreaterThan(1.25 * metrics.get("popular_recall_at_10"));
        assertThat(metrics.get("ndcg_at_10")).isGreaterThan(metrics.get("popular_ndcg_at_10"));

        ModelVersion version = registry.getModelVersion(GetModelVersionRequest.newBuilder().setModelName(model)
                .setVersion(job.getModelVersion()).build());
        assertThat(version.getFamily()).isEqualTo("MATRIX_FACTORISATION");
        assertThat(version.getSignature().getTask()).isEqualTo(Task.RECOMMENDATION);
        assertThat(version.getSignature().getInputsList()).extracting(TensorSpec::getName, TensorSpec::getDatatype)
                .containsExactly(tuple("user_id", "BYTES"));
        assertThat(version.getSignature().getOutputsList()).extracting(TensorSpec::getName, TensorSpec::getDatatype)
                .containsExactly(tuple("items", "BYTES"), tuple("scores", "FP32"));
        Map<String, ArtifactRef> artifacts = version.getArtifactsList().stream()
                .collect(Collectors.toMap(ArtifactRef::getRole, a -> a));
        assertThat(artifacts).containsOnlyKeys("parameters", "model-spec", "interactions", "profile");
        try (LoadedRecommender loaded = LoadedRecommender.load(download(artifacts), Device.cpu())) {
            assertThat(loaded.spec().sharedIds()).isTrue();
            int ord = loaded.index().userRow("ORD");
            List<ScoredItem> top = loaded.topK(ord, 10, true);
            assertThat(top).hasSize(10).extracting(ScoredItem::item)
                    .doesNotContainAnyElementsOf(toList(routes.split().train().itemsOf(ord)));
        }
    }

    @Test
    void aFamilyAndDataThatDoNotBothSayRecommendationAreRefusedSayingWhatToTrain() throws Exception {
        PreparedRoutes.Written routes = PreparedRoutes.write(store, unique("flights"));
        PreparedIris.Written iris = PreparedIris.write(store, unique("iris"));

        assertRefused(spec(routes.dataset(), unique("routes-mlp"), ModelFamily.MLP), "train MATRIX_FACTORISATION");
        assertRefused(spec(iris.dataset(), unique("iris-mf"), ModelFamily.MATRIX_FACTORISATION),
                "prepare it with interactions");
        assertRefused(spec(routes.dataset(), unique("routes-deep"), ModelFamily.MATRIX_FACTORISATION)
                .setHyperparameters(Hyperparameters.newBuilder().addHiddenUnits(16).addHiddenUnits(8)),
                "one hidden_units value");
    }

    private void assertRefused(JobSpec.Builder spec, String message) {
        assertThatThrownBy(() -> training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(e.getStatus().getDescription()).contains(message);
                });
    }

    private Path download(Map<String, ArtifactRef> artifacts) throws Exception {
        Path folder = Files.createTempDirectory("recommender");
        for (ArtifactRef artifact : List.of(artifacts.get("parameters"), artifacts.get("model-spec"),
                artifacts.get("interactions"))) {
            String name = artifact.getKey().substring(artifact.getKey().lastIndexOf('/') + 1);
            store.downloadVerified(artifact.getKey(), artifact.getSha256(), folder.resolve(name));
        }
        return folder;
    }

    private List<JobEvent> run(JobSpec.Builder spec) {
        Job submitted = training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build());
        List<JobEvent> events = new ArrayList<>();
        training.withDeadlineAfter(180, TimeUnit.SECONDS)
                .watchJob(WatchJobRequest.newBuilder().setId(submitted.getId()).build())
                .forEachRemaining(events::add);
        return events;
    }

    private static JobSpec.Builder spec(String dataset, String model, ModelFamily family) {
        return JobSpec.newBuilder().setDataset(dataset).setDatasetVersion(1).setPipeline("default").setFamily(family)
                .setHyperparameters(Hyperparameters.newBuilder().setEpochs(40).setBatchSize(256).setLearningRate(0.01)
                        .setSeed(1).addHiddenUnits(32))
                .setModelName(model);
    }

    private static List<Integer> toList(int[] rows) {
        return Arrays.stream(rows).boxed().toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
