package dev.aiaas.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.djl.Device;
import dev.aiaas.models.LoadedModel;
import dev.aiaas.models.ModelSpecJson;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.TensorSpec;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import dev.aiaas.proto.training.v1.CancelJobRequest;
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
import dev.aiaas.storage.ArtifactDigest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The worker end to end inside training-service: real Kafka, PostgreSQL and S3 (platform/testing),
 * real training on DJL, and a real gRPC registry peer ({@link RegistryStandIn}, in memory; the
 * real registry-service is exercised by the e2e suite).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RegistryStandIn.class, restrictToAnnotatedClass = false)
class TrainingWorkerTest {

    @GrpcClient("training")
    TrainingServiceBlockingStub training;

    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Inject
    ArtifactStore store;

    @Inject
    DataSource dataSource;

    @Test
    void queuedJobTrainsOnThePreparedDataRegistersTheModelAndSucceeds() throws Exception {
        PreparedIris.Written iris = PreparedIris.write(store, unique("iris"));
        String model = unique("iris-mlp");

        Job submitted = submit(spec(iris.dataset(), model, ModelFamily.MLP, 60).setAlias("staging"));
        List<JobEvent> events = watchToTheEnd(submitted.getId());
        Job job = training.getJob(GetJobRequest.newBuilder().setId(submitted.getId()).build());

        assertThat(events).extracting(JobEvent::getState).startsWith(JobState.QUEUED, JobState.RUNNING)
                .endsWith(JobState.SUCCEEDED);
        List<JobEvent> epochs = events.stream().filter(e -> e.getState() == JobState.RUNNING && e.getEpoch() > 0).toList();
        assertThat(epochs).extracting(JobEvent::getEpoch).containsExactlyElementsOf(range(1, 60));
        assertThat(epochs).allSatisfy(e -> {
            assertThat(e.getTrainLoss()).isPositive();
            assertThat(e.getMetricsMap()).containsKey("accuracy");
        });
        assertThat(job.getState()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.getEpoch()).isEqualTo(60);
        assertThat(job.getDevice()).isEqualTo("cpu");
        assertThat(job.getModelVersion()).isEqualTo(1);
        assertThat(job.getEvaluation().getMetricsMap().get("accuracy")).isGreaterThanOrEqualTo(0.90);
        assertThat(job.getEvaluation().getMetricsMap()).containsKeys("precision_macro", "recall_macro", "f1_macro");
        assertThat(job.getEvaluation().getConfusionMatrix().getLabelsList())
                .containsExactly("setosa", "versicolor", "virginica");
        assertThat(job.getEvaluation().getConfusionMatrix().getCountsList().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(iris.test().rowCount());
        assertRegistered(job, iris, model);
        // the job recorded a checkpoint after its last epoch; once it ended the checkpoints are gone
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select checkpoint_epoch, checkpoint_key from job where id = ?")) {
            query.setString(1, job.getId());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(60);
                assertThat(row.getString(2)).isEqualTo("training/checkpoints/" + job.getId() + "/epoch-0060.params");
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> store.list("training/checkpoints/" + job.getId() + "/")
                .isEmpty());
    }

    private void assertRegistered(Job job, PreparedIris.Written iris, String model) throws Exception {
        ModelVersion version = registry.getModelVersion(GetModelVersionRequest.newBuilder()
                .setModelName(model).setAlias("staging").build());

        assertThat(version.getVersion()).isEqualTo(1);
        assertThat(version.getFamily()).isEqualTo("MLP");
        assertThat(version.getLineage().getDataset()).isEqualTo(iris.dataset());
        assertThat(version.getLineage().getDatasetVersion()).isEqualTo(1);
        assertThat(version.getLineage().getPipeline()).isEqualTo("default");
        assertThat(version.getLineage().getTrainingJobId()).isEqualTo(job.getId());
        assertThat(version.getMetricsMap()).isEqualTo(job.getEvaluation().getMetricsMap());
        assertThat(version.getSignature().getInputsList()).extracting(TensorSpec::getDatatype, t -> t.getShapeList())
                .containsExactly(tuple("FP32", List.of(-1L, 4L)));
        assertThat(version.getSignature().getOutputsList())
                .extracting(TensorSpec::getName, TensorSpec::getDatatype, t -> t.getShapeList())
                .containsExactly(tuple("probabilities", "FP32", List.of(-1L, 3L)),
                        tuple("predicted_class", "INT64", List.of(-1L)));
        Map<String, ArtifactRef> artifacts = version.getArtifactsList().stream()
                .collect(Collectors.toMap(ArtifactRef::getRole, a -> a));
        String prefix = "models/" + model + "/" + job.getId() + "/";
        assertThat(artifacts).containsOnlyKeys("parameters", "model-spec", "transform", "profile");
        assertThat(artifacts.get("parameters").getKey()).isEqualTo(prefix + "model.params");
        assertThat(artifacts.get("model-spec").getKey()).isEqualTo(prefix + "model-spec.json");
        for (ArtifactRef artifact : artifacts.values()) {
            assertThat(artifact.getKey()).startsWith(prefix);
            byte[] stored = read(artifact.getKey());
            assertThat(ArtifactDigest.sha256Hex(stored)).as(artifact.getRole()).isEqualTo(artifact.getSha256());
            assertThat((long) stored.length).isEqualTo(artifact.getSizeBytes());
        }
        assertThat(read(artifacts.get("transform").getKey())).isEqualTo(iris.transform());
        assertThat(accuracyOfStoredModel(artifacts, iris))
                .isEqualTo(job.getEvaluation().getMetricsMap().get("accuracy"));
    }

    /** Loads the stored spec and parameters as serving would, and scores them on the test split. */
    private double accuracyOfStoredModel(Map<String, ArtifactRef> artifacts, PreparedIris.Written iris) throws Exception {
        var spec = ModelSpecJson.read(new String(read(artifacts.get("model-spec").getKey())));
        try (InputStream params = store.get(artifacts.get("parameters").getKey());
                LoadedModel loaded = LoadedModel.load(spec, params, Device.cpu())) {
            int[] predicted = loaded.predictClasses(iris.test().values(), iris.test().rowCount());
            int correct = 0;
            for (int row = 0; row < predicted.length; row++) {
                correct += predicted[row] == iris.test().labels()[row] ? 1 : 0;
            }
            return correct / (double) predicted.length;
        }
    }

    @Test
    void cancellingARunningJobStopsItAndItStaysCancelled() throws Exception {
        PreparedIris.Written iris = PreparedIris.write(store, unique("iris"));
        String model = unique("iris-endless");
        Job submitted = submit(spec(iris.dataset(), model, ModelFamily.MLP, 1_000));

        List<JobState> states = new ArrayList<>();
        Job atCancel = null;
        var events = training.withDeadlineAfter(120, TimeUnit.SECONDS)
                .watchJob(WatchJobRequest.newBuilder().setId(submitted.getId()).build());
        while (events.hasNext()) {
            JobEvent event = events.next();
            states.add(event.getState());
            if (event.getState() == JobState.RUNNING && event.getEpoch() == 2) {
                atCancel = training.cancelJob(CancelJobRequest.newBuilder().setId(submitted.getId()).build());
            }
        }
        Thread.sleep(1500); // several cancel checks (every 0.2 s in tests) and epochs later
        Job cancelled = training.getJob(GetJobRequest.newBuilder().setId(submitted.getId()).build());

        assertThat(states).startsWith(JobState.QUEUED, JobState.RUNNING).endsWith(JobState.CANCELLED);
        assertThat(cancelled.getState()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.getError()).isEmpty();
        assertThat(cancelled.getEpoch()).isEqualTo(atCancel.getEpoch()).isLessThan(1_000);
        assertThat(cancelled.getFinishedAt()).isEqualTo(atCancel.getFinishedAt());
        assertThat(store.list("models/" + model + "/")).isEmpty();
        assertThatThrownBy(() -> registry.getModelVersion(GetModelVersionRequest.newBuilder()
                .setModelName(model).setVersion(1).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        // The worker is free again: the next job runs to the end.
        Job next = submit(spec(iris.dataset(), unique("iris-logistic"), ModelFamily.LOGISTIC_REGRESSION, 5));
        assertThat(watchToTheEnd(next.getId())).extracting(JobEvent::getState).last().isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void askingForAGpuOnAWorkerWithoutOneFailsSayingWhatToDo() throws Exception {
        // The platform ships DJL's CPU natives only, so no worker built from it sees a GPU.
        PreparedIris.Written iris = PreparedIris.write(store, unique("iris"));
        Job submitted = submit(spec(iris.dataset(), unique("iris-gpu"), ModelFamily.MLP, 5)
                .setDevice(dev.aiaas.proto.training.v1.Device.GPU));

        watchToTheEnd(submitted.getId());
        Job failed = training.getJob(GetJobRequest.newBuilder().setId(submitted.getId()).build());

        assertThat(failed.getState()).isEqualTo(JobState.FAILED);
        assertThat(failed.getError()).contains("no GPU").contains("AUTO or CPU");
    }

    private Job submit(JobSpec.Builder spec) {
        return training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build());
    }

    private List<JobEvent> watchToTheEnd(String jobId) {
        List<JobEvent> events = new ArrayList<>();
        training.withDeadlineAfter(120, TimeUnit.SECONDS)
                .watchJob(WatchJobRequest.newBuilder().setId(jobId).build())
                .forEachRemaining(events::add);
        return events;
    }

    private byte[] read(String key) throws Exception {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }

    private static JobSpec.Builder spec(String dataset, String model, ModelFamily family, int epochs) {
        return JobSpec.newBuilder()
                .setDataset(dataset).setDatasetVersion(1).setPipeline("default")
                .setFamily(family)
                .setHyperparameters(Hyperparameters.newBuilder().setEpochs(epochs).setBatchSize(16)
                        .setLearningRate(0.01).setSeed(3)
                        .addAllHiddenUnits(family == ModelFamily.MLP ? List.of(16) : List.of()))
                .setModelName(model);
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
