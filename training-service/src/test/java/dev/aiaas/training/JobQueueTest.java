package dev.aiaas.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.aiaas.events.Topics;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.proto.events.v1.TrainingJobQueued;
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
import dev.aiaas.testing.RealServers;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@TestProfile(JobQueueTest.NoWorker.class)
class JobQueueTest {

    /** The queue on its own: no worker takes (and changes the state of) the jobs these tests submit. */
    public static class NoWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.training-jobs.enabled", "false");
        }
    }

    @GrpcClient("training")
    TrainingServiceBlockingStub training;

    @Inject
    ArtifactStore store;

    @Inject
    DataSource dataSource;

    private String dataset;

    @BeforeEach
    void prepareIris() throws Exception {
        dataset = PreparedIris.write(store, "iris-" + UUID.randomUUID().toString().substring(0, 8)).dataset();
    }

    @Test
    void submittedJobIsQueuedAndAnnouncedToWorkers() throws Exception {
        Job job = training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec(ModelFamily.MLP)).build());

        assertThat(job.getState()).isEqualTo(JobState.QUEUED);
        assertThat(job.getSpec().getHyperparameters().getEpochs()).isEqualTo(20); // default filled in
        assertThat(training.getJob(GetJobRequest.newBuilder().setId(job.getId()).build()).getSpec().getDataset())
                .isEqualTo(dataset);
        assertThat(training.listJobs(ListJobsRequest.newBuilder().setState(JobState.QUEUED).build()).getJobsList())
                .extracting(Job::getId).contains(job.getId());
        assertThat(announcedJobIds(Duration.ofSeconds(20), job.getId())).contains(job.getId());
    }

    @Test
    void sameRequestIdReturnsTheFirstJob() {
        String requestId = UUID.randomUUID().toString();
        Job first = training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec(ModelFamily.MLP)).setRequestId(requestId).build());
        Job second = training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec(ModelFamily.CNN)).setRequestId(requestId).build());

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getSpec().getFamily()).isEqualTo(ModelFamily.MLP);
    }

    @Test
    void cancelEndsTheJobAndWatchStreamsItsProgressToTheEnd() {
        Job job = training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec(ModelFamily.MLP)).build());

        Job cancelled = training.cancelJob(CancelJobRequest.newBuilder().setId(job.getId()).build());
        Job again = training.cancelJob(CancelJobRequest.newBuilder().setId(job.getId()).build());
        Iterator<JobEvent> events = training.withDeadlineAfter(20, TimeUnit.SECONDS)
                .watchJob(WatchJobRequest.newBuilder().setId(job.getId()).build());
        List<JobState> states = new ArrayList<>();
        events.forEachRemaining(e -> states.add(e.getState()));

        assertThat(cancelled.getState()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.hasFinishedAt()).isTrue();
        assertThat(again.getFinishedAt()).isEqualTo(cancelled.getFinishedAt());
        assertThat(states).containsExactly(JobState.QUEUED, JobState.CANCELLED);
    }

    @Test
    void badSpecOrUnknownJobIsRefused() {
        assertThatThrownBy(() -> training.submitJob(SubmitJobRequest.newBuilder()
                .setSpec(spec(ModelFamily.MODEL_FAMILY_UNSPECIFIED)).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("family");
                });
        assertThatThrownBy(() -> training.submitJob(SubmitJobRequest.newBuilder()
                .setSpec(spec(ModelFamily.MLP).toBuilder().setHyperparameters(Hyperparameters.newBuilder().setEpochs(-1)))
                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> training.getJob(GetJobRequest.newBuilder().setId("job-missing").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void theWholeSpecIsCheckedAtSubmitSayingWhatToFix() {
        assertRefused(spec(ModelFamily.LSTM).toBuilder(), Status.Code.FAILED_PRECONDITION,
                "(classification): train one of [MLP, CNN");
        assertRefused(spec(ModelFamily.MLP).toBuilder().setAlias("Prod Line"), Status.Code.INVALID_ARGUMENT,
                "alias 'Prod Line' is not valid");
        assertRefused(spec(ModelFamily.MLP).toBuilder().setAlias("42"), Status.Code.INVALID_ARGUMENT, "all digits");
        assertRefused(spec(ModelFamily.MLP).toBuilder().setModelName("Iris!"), Status.Code.INVALID_ARGUMENT,
                "model name 'Iris!' is not valid");
        assertRefused(spec(ModelFamily.MLP).toBuilder().setHyperparameters(Hyperparameters.newBuilder()
                .setEpochs(5000)), Status.Code.INVALID_ARGUMENT, "more than the 1000");
        assertRefused(spec(ModelFamily.MLP).toBuilder().setHyperparameters(Hyperparameters.newBuilder()
                .addHiddenUnits(100_000)), Status.Code.INVALID_ARGUMENT, "1 to 4096 units");
        assertRefused(spec(ModelFamily.MLP).toBuilder().setDataset("never-prepared"), Status.Code.FAILED_PRECONDITION,
                "run Prepare");
        assertRefused(spec(ModelFamily.LINEAR_REGRESSION).toBuilder(), Status.Code.FAILED_PRECONDITION,
                "was prepared for (classification)");
    }

    @Test
    void aJobWhoseWorkerVanishedIsQueuedAndAnnouncedAgain() throws Exception {
        Job job = training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec(ModelFamily.MLP)).build());
        holdAsAVanishedWorker(job.getId(), 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> state(job.getId()) == JobState.QUEUED);

        assertThat(progressMessages(job.getId())).anyMatch(m -> m.startsWith("re-queued: worker ghost-worker stopped "
                + "renewing its lease"));
        // the re-announcement is relayed from the outbox just after the job row moved: read until it came
        assertThat(announcedJobIds(Duration.ofSeconds(20), job.getId(), 2).stream().filter(job.getId()::equals)
                .count()).isEqualTo(2);
    }

    @Test
    void aJobWhoseWorkersVanishedTooOftenFailsSayingSo() throws Exception {
        Job job = training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec(ModelFamily.MLP)).build());
        holdAsAVanishedWorker(job.getId(), 3);

        await().atMost(Duration.ofSeconds(20)).until(() -> state(job.getId()) == JobState.FAILED);

        assertThat(training.getJob(GetJobRequest.newBuilder().setId(job.getId()).build()).getError())
                .contains("stopped renewing its lease").contains("taken 3 times").contains("max-attempts");
    }

    @Test
    void aQueuedJobWhoseAnnouncementWentUnansweredIsAnnouncedAgain() throws Exception {
        Job job = training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec(ModelFamily.MLP)).build());
        execute("update job set announced_at = now() - interval '1 hour' where id = ?", job.getId());

        await().atMost(Duration.ofSeconds(20)).until(() -> announcedJobIds(Duration.ofSeconds(1), job.getId(), 2)
                .stream().filter(job.getId()::equals).count() == 2);
    }

    /** The job as a worker that took it {@code attempts} times and then stopped renewing its lease. */
    private void holdAsAVanishedWorker(String jobId, int attempts) throws Exception {
        execute("update job set state = 'RUNNING', worker_id = 'ghost-worker', attempts = " + attempts
                + ", lease_expires_at = now() - interval '1 second' where id = ?", jobId);
    }

    private void execute(String sql, String jobId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, jobId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private JobState state(String jobId) {
        return training.getJob(GetJobRequest.newBuilder().setId(jobId).build()).getState();
    }

    private List<String> progressMessages(String jobId) throws Exception {
        List<String> messages = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("select message from job_event where job_id = ? order by id")) {
            query.setString(1, jobId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    messages.add(rows.getString(1));
                }
            }
        }
        return messages;
    }

    private void assertRefused(JobSpec.Builder spec, Status.Code code, String fix) {
        assertThatThrownBy(() -> training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(code);
                    assertThat(e.getStatus().getDescription()).contains(fix);
                });
    }

    private static List<String> announcedJobIds(Duration timeout, String wanted) throws Exception {
        return announcedJobIds(timeout, wanted, 1);
    }

    /** The ids announced on the jobs topic, read until {@code wanted} was seen {@code times} times or the timeout. */
    private static List<String> announcedJobIds(Duration timeout, String wanted, int times) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "training-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> ids = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRAINING_JOBS));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (ids.stream().filter(wanted::equals).count() < times && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(TrainingJobQueued.parseFrom(record.value()).getJobId());
                }
            }
        }
        return ids;
    }

    private JobSpec spec(ModelFamily family) {
        return JobSpec.newBuilder()
                .setDataset(dataset)
                .setDatasetVersion(1)
                .setFamily(family)
                .setModelName("iris-mlp")
                .build();
    }
}
