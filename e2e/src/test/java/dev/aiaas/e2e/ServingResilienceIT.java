package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aiaas.cli.BearerToken;
import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.DemoDataset;
import dev.aiaas.cli.demo.LifecycleRun;
import dev.aiaas.cli.demo.Progress;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.RunningService;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelStatistics;
import dev.aiaas.proto.inference.ModelStatisticsRequest;
import dev.aiaas.proto.inference.ServerReadyRequest;
import dev.aiaas.proto.registry.v1.DeleteAliasRequest;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.proto.serving.v1.Batching;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc;
import dev.aiaas.proto.serving.v1.DeploymentState;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.proto.serving.v1.UndeployRequest;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.errors.Projects;
import dev.aiaas.security.Role;
import io.grpc.ManagedChannel;
import io.grpc.Grpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Serving as a service, on the whole stack: batching under concurrent load and a full queue,
 * two replicas on one database converging after an alias move and an alias deletion, and a
 * serving process killed with {@code kill -9} under load that the supervisor restarts and
 * that comes back at its bound versions with no Deploy call.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServingResilienceIT {

    private static final String MODEL = "serving-iris";
    private static final Duration CONVERGE = Duration.ofSeconds(60);

    private static LocalStack stack;
    private static Services services;
    private static long firstVersion;
    private static long secondVersion;

    @BeforeAll
    static void trainTwoVersions() throws Exception {
        stack = RunningStack.get();
        services = RunningStack.connect(stack);
        DemoDataset iris = DemoDataset.iris(ServicesUnderTest.repositoryRoot().resolve("datasets"));
        DemoDataset dataset = new DemoDataset(MODEL, iris.file(), iris.format(), iris.schema(), iris.family(),
                iris.hyperparameters());
        LifecycleRun.Result first = new LifecycleRun(services, new Progress(System.out)).run(dataset);
        firstVersion = first.job().getModelVersion();
        JobSpec again = first.job().getSpec().toBuilder().setAlias("challenger").build();
        secondVersion = TrainingJobs.runToEnd(services, again).getModelVersion();
        assertThat(secondVersion).isGreaterThan(firstVersion);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void concurrentSingleRowsShareForwardPassesAndAFullQueueRefusesAtOnce() throws Exception {
        deploy(services.deployments(), "e2e-batched", Batching.newBuilder().setMaxBatchSize(64)
                .setMaxQueueDelayUs(2000));
        ManagedChannel channel = channel(port(ServiceName.SERVING));
        try {
            Map<Status.Code, Integer> outcomes = fire(channel, "e2e-batched", 1, 1_000, 64);
            assertThat(outcomes).containsOnlyKeys(Status.Code.OK).containsEntry(Status.Code.OK, 1_000);
            ModelStatistics stats = GRPCInferenceServiceGrpc.newBlockingStub(channel).modelStatistics(
                    ModelStatisticsRequest.newBuilder().setName("e2e-batched").build()).getModelStats(0);
            System.out.printf("e2e-batched: %d inferences in %d forward passes%n", stats.getInferenceCount(),
                    stats.getExecutionCount());
            assertThat(stats.getInferenceCount()).isEqualTo(1_000);
            // A worker waits for company only while requests are announced (being decoded), so how
            // many share a pass depends on how many arrive together: with the client on the same two
            // cores, over TLS, CI saw 420, 559 and (at 10 ms) 471 passes for the 1,000 requests.
            assertThat(stats.getExecutionCount()).isLessThan(700);

            deploy(services.deployments(), "e2e-tiny-queue", Batching.newBuilder().setMaxBatchSize(1)
                    .setMaxQueueSize(1).setMaxQueueDelayUs(1));
            Map<Status.Code, Integer> flooded = fire(channel, "e2e-tiny-queue", 4096, 100, 100);
            assertThat(flooded.keySet()).containsOnly(Status.Code.OK, Status.Code.RESOURCE_EXHAUSTED);
            assertThat(flooded.get(Status.Code.RESOURCE_EXHAUSTED)).isPositive();
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void twoReplicasOnOneDatabaseConvergeAfterAnAliasMoveAndAnAliasDeletion() {
        RunningService replica = stack.startReplica(ServiceName.SERVING);
        ManagedChannel second = channel(replica.port());
        try {
            DeploymentServiceBlockingStub first = services.deployments();
            DeploymentServiceBlockingStub other = DeploymentServiceGrpc.newBlockingStub(second);
            setAlias("staging", firstVersion);
            deploy(first, "converge", "staging", Batching.newBuilder());

            await().atMost(CONVERGE).until(() -> serving(other, "converge") == firstVersion);
            assertThat(inferOn(second, "converge").getModelVersion()).isEqualTo(Long.toString(firstVersion));

            setAlias("staging", secondVersion);
            await().atMost(CONVERGE).until(() -> serving(first, "converge") == secondVersion
                    && serving(other, "converge") == secondVersion);

            services.registry().deleteAlias(DeleteAliasRequest.newBuilder().setModelName(MODEL).setAlias("staging")
                    .build());
            await().atMost(CONVERGE).until(() -> state(first, "converge") == DeploymentState.FAILED
                    && state(other, "converge") == DeploymentState.FAILED);
            for (DeploymentServiceBlockingStub replicaStub : List.of(first, other)) {
                Deployment kept = replicaStub.getDeployment(GetDeploymentRequest.newBuilder().setEndpoint("converge")
                        .build());
                assertThat(kept.getServingVersion()).isEqualTo(secondVersion);
                assertThat(kept.getMessage()).contains("staging");
            }
            assertThat(inferOn(second, "converge").getModelVersion()).isEqualTo(Long.toString(secondVersion));

            first.undeploy(UndeployRequest.newBuilder().setEndpoint("converge").build());
            await().atMost(CONVERGE).until(() -> notFound(other, "converge"));
        } finally {
            second.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void servingKilledUnderLoadComesBackAtItsBoundVersionsWithoutADeploy() throws Exception {
        deploy(services.deployments(), "survivor", Batching.newBuilder());
        long bound = serving(services.deployments(), "survivor");
        RunningService before = stack.service(ServiceName.SERVING);
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger answeredBeforeKill = new AtomicInteger();
        Thread load = new Thread(() -> {
            ManagedChannel channel = channel(before.port());
            try {
                while (loading.get()) {
                    try {
                        inferOn(channel, "survivor");
                        answeredBeforeKill.incrementAndGet();
                    } catch (StatusRuntimeException e) {
                        // the process is gone or restarting: expected until it reports ready
                    }
                }
            } finally {
                channel.shutdownNow();
            }
        }, "load-before-kill");
        load.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> answeredBeforeKill.get() > 100);

        ProcessHandle.of(before.pid()).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofMinutes(3)).until(() -> stack.service(ServiceName.SERVING).pid() != before.pid());
        RunningService after = stack.service(ServiceName.SERVING);
        assertThat(after.port()).isEqualTo(before.port());
        assertThat(after.restarts()).isEqualTo(before.restarts() + 1);
        ManagedChannel channel = channel(after.port());
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ready(channel));
            int failures = 0;
            for (int i = 0; i < 500; i++) {
                try {
                    assertThat(inferOn(channel, "survivor").getModelVersion()).isEqualTo(Long.toString(bound));
                } catch (StatusRuntimeException e) {
                    failures++;
                }
            }
            loading.set(false);
            load.join(10_000);
            assertThat(failures).as("requests failed after the restarted server reported ready").isZero();
            assertThat(serving(DeploymentServiceGrpc.newBlockingStub(channel), "e2e-batched")).isEqualTo(firstVersion);
        } finally {
            loading.set(false);
            channel.shutdownNow();
        }
    }

    private static Map<Status.Code, Integer> fire(ManagedChannel channel, String endpoint, int rows, int requests,
            int inFlight) throws Exception {
        var async = GRPCInferenceServiceGrpc.newStub(channel);
        Semaphore permits = new Semaphore(inFlight);
        List<CompletableFuture<ModelInferResponse>> sent = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            permits.acquire();
            FutureObserver<ModelInferResponse> answer = new FutureObserver<>();
            answer.future().whenComplete((r, e) -> permits.release());
            async.modelInfer(request(endpoint, rows), answer);
            sent.add(answer.future());
        }
        Map<Status.Code, Integer> outcomes = new ConcurrentHashMap<>();
        for (CompletableFuture<ModelInferResponse> answer : sent) {
            try {
                answer.get(60, TimeUnit.SECONDS);
                outcomes.merge(Status.Code.OK, 1, Integer::sum);
            } catch (ExecutionException e) {
                outcomes.merge(Status.fromThrowable(e.getCause()).getCode(), 1, Integer::sum);
            }
        }
        return outcomes;
    }

    private static ModelInferRequest request(String endpoint, int rows) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (int i = 0; i < rows; i++) {
            contents.addFp32Contents(5.1f).addFp32Contents(3.5f).addFp32Contents(1.4f).addFp32Contents(0.2f);
        }
        return ModelInferRequest.newBuilder().setModelName(endpoint).addInputs(InferInputTensor.newBuilder()
                .setName("input").setDatatype("FP32").addShape(rows).addShape(4).setContents(contents)).build();
    }

    private static ModelInferResponse inferOn(ManagedChannel channel, String endpoint) {
        return GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .modelInfer(request(endpoint, 1));
    }

    private static boolean ready(ManagedChannel channel) {
        try {
            return GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
                    .serverReady(ServerReadyRequest.getDefaultInstance()).getReady();
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    private static void deploy(DeploymentServiceBlockingStub deployments, String endpoint, Batching.Builder batching) {
        deploy(deployments, endpoint, "champion", batching);
    }

    private static void deploy(DeploymentServiceBlockingStub deployments, String endpoint, String alias,
            Batching.Builder batching) {
        deployments.withDeadlineAfter(2, TimeUnit.MINUTES).deploy(DeployRequest.newBuilder().setEndpoint(endpoint)
                .setModelName(MODEL).setAlias(alias).setBatching(batching).build());
    }

    private static void setAlias(String alias, long version) {
        services.registry().setAlias(SetAliasRequest.newBuilder().setModelName(MODEL).setAlias(alias)
                .setVersion(version).build());
    }

    private static long serving(DeploymentServiceBlockingStub deployments, String endpoint) {
        try {
            return deployments.getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(endpoint).build())
                    .getServingVersion();
        } catch (StatusRuntimeException e) {
            return -1;
        }
    }

    private static DeploymentState state(DeploymentServiceBlockingStub deployments, String endpoint) {
        return deployments.getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(endpoint).build()).getState();
    }

    private static boolean notFound(DeploymentServiceBlockingStub deployments, String endpoint) {
        try {
            deployments.getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(endpoint).build());
            return false;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode() == Status.Code.NOT_FOUND;
        }
    }

    private static ManagedChannel channel(int port) {
        return Grpc.newChannelBuilderForAddress("localhost", port, stack.transport().channelCredentials())
                .maxInboundMessageSize(64 << 20)
                .intercept(BearerToken.interceptor(stack.keys().mint("e2e", Projects.DEFAULT, Role.ADMIN,
                        Duration.ofHours(1)))).build();
    }

    private static int port(ServiceName service) {
        return stack.service(service).port();
    }
}
