package dev.aiaas.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.aiaas.errors.Projects;
import dev.aiaas.proto.common.v1.ArtifactRef;
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
import dev.aiaas.proto.training.v1.ListJobsRequest;
import dev.aiaas.proto.training.v1.ModelFamily;
import dev.aiaas.proto.training.v1.SubmitJobRequest;
import dev.aiaas.proto.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import dev.aiaas.proto.training.v1.WatchJobRequest;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Projects are the unit of isolation: a job belongs to the project it was submitted in, is seen
 * and cancelled there only (another project's job is answered exactly as a missing one), trains on
 * that project's prepared data, stores its checkpoints and model under the project's keys
 * ({@code projects/{p}/…}) and registers its model in that project. Security is off in tests, so a
 * call names its project in the {@value Projects#HEADER} header; the registry stand-in keeps
 * models per project by the same header, as the registry does.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RegistryStandIn.class, restrictToAnnotatedClass = false)
class ProjectIsolationTest {


    @GrpcClient("training")
    TrainingServiceBlockingStub training;

    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Inject
    ArtifactStore store;

    @Inject
    DataSource dataSource;

    @Test
    void aJobOfBetaIsInvisibleToAlphaAndTrainsIntoBetasKeysAndRegistry() throws Exception {
        PreparedIris.write(store, "beta", "iris");
        String model = unique("iris-mlp");
        Job submitted = in("beta", training).submitJob(submit(spec("iris", model, 5).setAlias("staging"), ""));
        String id = submitted.getId();
        String missing = "job-" + UUID.randomUUID();
        String missingJob = notFound(() -> in("alpha", training).getJob(get(missing))).replace(missing, "?");

        for (String other : List.of("alpha", Projects.DEFAULT)) {
            assertThat(notFound(() -> in(other, training).getJob(get(id))).replace(id, "?")).isEqualTo(missingJob);
            assertThat(notFound(() -> in(other, training).cancelJob(CancelJobRequest.newBuilder().setId(id).build())))
                    .contains(id);
            assertThat(notFound(() -> in(other, training).watchJob(WatchJobRequest.newBuilder().setId(id).build())
                    .next())).contains(id);
            assertThat(jobIds(other)).doesNotContain(id);
        }
        List<JobEvent> events = watchToTheEnd("beta", id);
        Job job = in("beta", training).getJob(get(id));

        assertThat(events).extracting(JobEvent::getState).endsWith(JobState.SUCCEEDED);
        assertThat(job.getState()).as("alpha's cancel did not reach it").isEqualTo(JobState.SUCCEEDED);
        assertThat(jobIds("beta")).contains(id);
        assertThat(TrainingJobsTopic.announcementsOf(id, Duration.ofSeconds(20)))
                .extracting(a -> a.getHeader().getProject()).containsOnly("beta");
        String folder = "projects/beta/models/" + model + "/" + id + "/";
        assertThat(store.list(folder)).hasSize(4);
        assertThat(store.list("models/" + model + "/")).as("nothing in the default project's layout").isEmpty();
        assertThat(checkpointKey(id)).isEqualTo("projects/beta/training/checkpoints/" + id + "/epoch-0005.params");
        await().atMost(Duration.ofSeconds(10)).until(() -> store.list("projects/beta/training/checkpoints/" + id + "/")
                .isEmpty());
        assertRegisteredInBetaOnly(model, id, folder);
    }

    /** The stand-in keeps each model in the project its registration call named: beta, and nowhere else. */
    private void assertRegisteredInBetaOnly(String model, String jobId, String folder) {
        ModelVersion version = in("beta", registry).getModelVersion(GetModelVersionRequest.newBuilder()
                .setModelName(model).setAlias("staging").build());

        assertThat(version.getVersion()).isEqualTo(1);
        assertThat(version.getLineage().getTrainingJobId()).isEqualTo(jobId);
        assertThat(version.getArtifactsList()).extracting(ArtifactRef::getKey).allMatch(key -> key.startsWith(folder));
        for (String other : List.of("alpha", Projects.DEFAULT)) {
            notFound(() -> in(other, registry).getModelVersion(GetModelVersionRequest.newBuilder()
                    .setModelName(model).setVersion(1).build()));
        }
    }

    @Test
    void eachProjectSeesAndCancelsOnlyItsOwnJobsAndRequestIdsAreItsOwn() throws Exception {
        PreparedIris.write(store, "alpha", "iris");
        PreparedIris.write(store, "beta", "iris");
        String requestId = UUID.randomUUID().toString();
        String model = unique("iris-queued");

        Job alphas = in("alpha", training).submitJob(submit(spec("iris", model, 1_000), requestId));
        Job betas = in("beta", training).submitJob(submit(spec("iris", model, 1_000), requestId));
        Job alphaAgain = in("alpha", training).submitJob(submit(spec("iris", model, 1_000), requestId));
        Job alphaCancelled = in("alpha", training).cancelJob(CancelJobRequest.newBuilder().setId(alphas.getId()).build());
        Job betaCancelled = in("beta", training).cancelJob(CancelJobRequest.newBuilder().setId(betas.getId()).build());

        assertThat(betas.getId()).as("the same request id in another project is another submit")
                .isNotEqualTo(alphas.getId());
        assertThat(alphaAgain.getId()).isEqualTo(alphas.getId());
        assertThat(alphaCancelled.getState()).isEqualTo(JobState.CANCELLED);
        assertThat(betaCancelled.getState()).isEqualTo(JobState.CANCELLED);
        assertThat(jobIds("alpha")).contains(alphas.getId()).doesNotContain(betas.getId());
        assertThat(jobIds("beta")).contains(betas.getId()).doesNotContain(alphas.getId());
        assertThat(jobIds(Projects.DEFAULT)).doesNotContain(alphas.getId(), betas.getId());
        assertThat(TrainingJobsTopic.announcementsOf(alphas.getId(), Duration.ofSeconds(20)))
                .extracting(a -> a.getHeader().getProject()).containsOnly("alpha");
    }

    @Test
    void aSubmitFindsOnlyThePreparedDataOfItsOwnProject() throws Exception {
        String dataset = unique("iris");
        PreparedIris.write(store, "beta", dataset);

        String refusal = failedPrecondition(() -> in("alpha", training).submitJob(
                submit(spec(dataset, unique("iris-mlp"), 5), "")));

        assertThat(refusal).contains("run Prepare").doesNotContain("beta");
    }

    @Test
    void aCallThatNamesNoProjectActsInTheDefaultProject() throws Exception {
        String dataset = unique("iris");
        PreparedIris.write(store, dataset);

        Job job = training.submitJob(submit(spec(dataset, unique("iris-default"), 1_000), ""));
        training.cancelJob(CancelJobRequest.newBuilder().setId(job.getId()).build());

        assertThat(in(Projects.DEFAULT, training).getJob(get(job.getId())).getState()).isEqualTo(JobState.CANCELLED);
        assertThat(jobIds(Projects.DEFAULT)).contains(job.getId());
        notFound(() -> in("alpha", training).getJob(get(job.getId())));
        assertThat(TrainingJobsTopic.announcementsOf(job.getId(), Duration.ofSeconds(20)))
                .extracting(a -> a.getHeader().getProject()).containsOnly(Projects.DEFAULT);
    }

    /** The stub as a caller of {@code project} uses it. */
    private static <S extends AbstractStub<S>> S in(String project, S stub) {
        return ProjectHeader.on(stub, project);
    }

    private List<String> jobIds(String project) {
        return in(project, training).listJobs(ListJobsRequest.newBuilder().setLimit(1_000).build()).getJobsList()
                .stream().map(Job::getId).toList();
    }

    private List<JobEvent> watchToTheEnd(String project, String jobId) {
        List<JobEvent> events = new ArrayList<>();
        in(project, training).withDeadlineAfter(120, TimeUnit.SECONDS)
                .watchJob(WatchJobRequest.newBuilder().setId(jobId).build())
                .forEachRemaining(events::add);
        return events;
    }

    private String checkpointKey(String jobId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("select checkpoint_key from job where id = ?")) {
            query.setString(1, jobId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static JobSpec.Builder spec(String dataset, String model, int epochs) {
        return JobSpec.newBuilder().setDataset(dataset).setDatasetVersion(1).setPipeline("default")
                .setFamily(ModelFamily.MLP).setModelName(model)
                .setHyperparameters(Hyperparameters.newBuilder().setEpochs(epochs).setBatchSize(16)
                        .setLearningRate(0.01).setSeed(3).addHiddenUnits(8));
    }

    private static SubmitJobRequest submit(JobSpec.Builder spec, String requestId) {
        return SubmitJobRequest.newBuilder().setSpec(spec).setRequestId(requestId).build();
    }

    private static GetJobRequest get(String id) {
        return GetJobRequest.newBuilder().setId(id).build();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String notFound(Runnable call) {
        return failure(call, Status.Code.NOT_FOUND);
    }

    private static String failedPrecondition(Runnable call) {
        return failure(call, Status.Code.FAILED_PRECONDITION);
    }

    /** The description of the status the call fails with, which must be {@code code}. */
    private static String failure(Runnable call, Status.Code code) {
        String[] description = new String[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            description[0] = e.getStatus().getDescription();
        });
        return description[0];
    }
}
