package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.DemoDataset;
import dev.aiaas.cli.demo.LifecycleRun;
import dev.aiaas.cli.demo.Progress;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobEvent;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.JobState;
import dev.aiaas.proto.training.v1.SubmitJobRequest;
import dev.aiaas.proto.training.v1.WatchJobRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A training worker killed with {@code kill -9} in the middle of an epoch: its lease runs out,
 * the job is re-queued, and the restarted worker (another worker id) resumes it from the last
 * checkpoint and ends it with the accuracy an uninterrupted run of the same seed reaches.
 */
class TrainingFaultsIT {

    private static LocalStack stack;
    private static Services services;
    private static Job uninterrupted;

    @BeforeAll
    static void trainOnceUninterrupted() throws Exception {
        stack = RunningStack.get();
        services = RunningStack.connect(stack);
        DemoDataset digits = DemoDataset.digits(ServicesUnderTest.repositoryRoot().resolve("datasets"));
        DemoDataset dataset = new DemoDataset("faults-digits", digits.file(), digits.format(), digits.schema(),
                digits.family(), Hyperparameters.newBuilder().setEpochs(4).setBatchSize(64).setLearningRate(0.001)
                        .setSeed(11).build());
        uninterrupted = new LifecycleRun(services, new Progress(System.out)).run(dataset).job();
    }

    @AfterAll
    static void leaveTheStackServing() throws InterruptedException {
        RunningStack.leaveServing(services);
    }

    @Test
    void aWorkerKilledMidEpochIsReplacedAndTheJobResumesFromItsCheckpoint() throws Exception {
        JobSpec spec = uninterrupted.getSpec().toBuilder().setAlias("").build();
        Job job = services.training().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(job.getId()).getEpoch() >= 2);

        int finished = get(job.getId()).getEpoch();
        long before = stack.service(ServiceName.TRAINING).pid();
        ProcessHandle.of(before).orElseThrow().destroyForcibly();
        System.out.println("killed training (pid " + before + ") with SIGKILL after epoch " + finished);

        List<JobEvent> events = new ArrayList<>();
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> get(job.getId()).getState() == JobState.SUCCEEDED);
        services.training().withDeadlineAfter(30, TimeUnit.SECONDS)
                .watchJob(WatchJobRequest.newBuilder().setId(job.getId()).build()).forEachRemaining(events::add);
        Job resumed = get(job.getId());

        double baseline = uninterrupted.getEvaluation().getMetricsMap().get("accuracy");
        double accuracy = resumed.getEvaluation().getMetricsMap().get("accuracy");
        System.out.printf("digits CNN, seed 11: uninterrupted accuracy %.4f, killed and resumed %.4f%n", baseline,
                accuracy);
        events.forEach(e -> System.out.println("  " + e.getState() + " epoch " + e.getEpoch() + ": " + e.getMessage()));
        assertThat(events).extracting(JobEvent::getMessage)
                .anySatisfy(m -> assertThat(m).startsWith("re-queued: worker").contains("stopped renewing its lease"))
                .anySatisfy(m -> assertThat(m).startsWith("resuming after epoch"));
        assertThat(accuracy).isCloseTo(baseline, within(0.01));
    }

    private static Job get(String id) {
        return services.training().getJob(GetJobRequest.newBuilder().setId(id).build());
    }
}
