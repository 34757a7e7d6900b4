package dev.aiaas.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelStatistics;
import dev.aiaas.proto.inference.ModelStatisticsRequest;
import dev.aiaas.proto.serving.v1.Batching;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Dynamic batching at work: requests from many clients share forward passes, and a full
 * queue refuses at once rather than growing.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class BatchingTest {

    /** Big requests that keep the deadline test's one model instance busy. */
    private static final int FLOOD = 1_000;

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    @TestHTTPResource("/v2/models/tiny-queue/infer")
    URI tinyQueueUri;

    @Test
    void concurrentSingleRowsShareForwardPassesAndEveryClientGetsItsOwnAnswer() throws Exception {
        deploy("batched", Batching.newBuilder().setMaxBatchSize(64).setMaxQueueDelayUs(2000).setInstances(1));
        int requests = 2_000;
        Map<Integer, Long> answers = new ConcurrentHashMap<>();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", tinyQueueUri.getPort()).usePlaintext().build();
        try {
            var async = GRPCInferenceServiceGrpc.newStub(channel);
            Semaphore inFlight = new Semaphore(64);
            List<CompletableFuture<ModelInferResponse>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                inFlight.acquire();
                ModelInferRequest request = IrisRequests.prepared("batched", 1).toBuilder().setId("r" + i).build();
                CompletableFuture<ModelInferResponse> answer = call(async, request);
                answer.whenComplete((r, e) -> inFlight.release());
                sent.add(answer);
            }
            for (CompletableFuture<ModelInferResponse> answer : sent) {
                ModelInferResponse response = answer.get(60, TimeUnit.SECONDS);
                answers.put(Integer.parseInt(response.getId().substring(1)), response.getOutputs(1).getContents()
                        .getInt64Contents(0));
            }
        } finally {
            channel.shutdownNow();
        }

        ModelStatistics stats = inference.modelStatistics(ModelStatisticsRequest.newBuilder().setName("batched").build())
                .getModelStats(0);
        System.out.printf("batched: %d inferences in %d executions, batch sizes %s%n", stats.getInferenceCount(),
                stats.getExecutionCount(), stats.getBatchStatsList().stream().map(b -> b.getBatchSize()).toList());
        assertThat(answers).hasSize(requests);
        assertThat(stats.getInferenceCount()).isEqualTo(requests);
        assertThat(stats.getExecutionCount()).isLessThan(requests / 2);
        assertThat(stats.getBatchStatsList()).anyMatch(b -> b.getBatchSize() > 1);
        assertThat(stats.getInferenceStats().getSuccess().getCount()).isEqualTo(requests);
        given().get("/v2/models/batched/stats").then().statusCode(200)
                .body("model_stats[0].inference_count", org.hamcrest.Matchers.equalTo(requests))
                .body("model_stats[0].execution_count", org.hamcrest.Matchers.lessThan(requests / 2));
    }

    @Test
    void aFullQueueAnswersResourceExhaustedAtOnceOverGrpcAndRest() throws Exception {
        deploy("tiny-queue", Batching.newBuilder().setMaxBatchSize(1).setMaxQueueSize(2).setInstances(1)
                .setMaxQueueDelayUs(1));
        ModelInferRequest big = IrisRequests.prepared("tiny-queue", 4096);
        Map<Status.Code, Integer> outcomes = new ConcurrentHashMap<>();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", tinyQueueUri.getPort()).usePlaintext()
                .maxInboundMessageSize(64 << 20).build();
        try {
            var async = GRPCInferenceServiceGrpc.newStub(channel);
            List<CompletableFuture<ModelInferResponse>> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sent.add(call(async, big));
            }
            for (CompletableFuture<ModelInferResponse> answer : sent) {
                try {
                    answer.get(30, TimeUnit.SECONDS);
                    outcomes.merge(Status.Code.OK, 1, Integer::sum);
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.merge(Status.fromThrowable(e.getCause()).getCode(), 1, Integer::sum);
                }
            }
        } finally {
            channel.shutdownNow();
        }
        assertThat(outcomes.keySet()).containsOnly(Status.Code.OK, Status.Code.RESOURCE_EXHAUSTED);
        assertThat(outcomes.get(Status.Code.RESOURCE_EXHAUSTED)).isPositive();

        // Single-row REST requests, parsed at once, arrive while a gRPC flood keeps the queue full.
        ManagedChannel floodChannel = ManagedChannelBuilder.forAddress("localhost", tinyQueueUri.getPort())
                .usePlaintext().build();
        List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
        try {
            var flood = GRPCInferenceServiceGrpc.newStub(floodChannel);
            List<CompletableFuture<ModelInferResponse>> flooding = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                flooding.add(call(flood, big));
            }
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 40; i++) {
                posts.add(http.sendAsync(HttpRequest.newBuilder(tinyQueueUri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(restBody(1))).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture.allOf(flooding.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(60, TimeUnit.SECONDS);
        } finally {
            floodChannel.shutdownNow();
        }
        List<HttpResponse<String>> refused = new ArrayList<>();
        for (var post : posts) {
            HttpResponse<String> response = post.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isIn(200, 429);
            if (response.statusCode() == 429) {
                refused.add(response);
            }
        }
        assertThat(refused).isNotEmpty();
        assertThat(refused.get(0).headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.get(0).body()).contains("\"error\"").contains("full queue");
    }

    @Test
    void requestsWhoseDeadlinePassedInTheQueueAreDroppedBeforeCompute() throws Exception {
        deploy("deadlines", Batching.newBuilder().setMaxBatchSize(1).setMaxQueueSize(1000).setInstances(1)
                .setMaxQueueDelayUs(1));
        // Big requests with no deadline, decoded on several event loops at once, keep the one
        // model instance busy and its queue deep...
        List<ManagedChannel> floodChannels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            floodChannels.add(ManagedChannelBuilder.forAddress("localhost", tinyQueueUri.getPort()).usePlaintext().build());
        }
        int hurriedRequests = 50;
        List<Integer> hurriedCodes = new ArrayList<>();
        try {
            List<CompletableFuture<ModelInferResponse>> flooding = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                var flood = GRPCInferenceServiceGrpc.newStub(floodChannels.get(i % floodChannels.size()));
                flooding.add(call(flood, IrisRequests.prepared("deadlines", 4096)));
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> statistics("deadlines").getExecutionCount() > 0 && statistics("deadlines")
                            .getExecutionCount() < FLOOD / 2);
            // ...so single rows that may wait 1 ms (REST's parameters.timeout, in µs) wait longer.
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create(tinyQueueUri.toString().replace("tiny-queue", "deadlines"));
            String body = restBody(1).replace("{\"inputs\"", "{\"parameters\": {\"timeout\": 1000}, \"inputs\"");
            List<CompletableFuture<HttpResponse<String>>> late = new ArrayList<>();
            for (int i = 0; i < hurriedRequests; i++) {
                late.add(http.sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (var answer : late) {
                hurriedCodes.add(answer.get(30, TimeUnit.SECONDS).statusCode());
            }
            CompletableFuture.allOf(flooding.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            floodChannels.forEach(ManagedChannel::shutdownNow);
        }
        assertThat(hurriedCodes).containsOnly(200, 504).contains(504);

        ModelStatistics stats = statistics("deadlines");
        System.out.printf("deadlines: %d executions for %d big and %d hurried requests, %d dropped%n",
                stats.getExecutionCount(), FLOOD, hurriedRequests, stats.getInferenceStats().getFail().getCount());
        assertThat(stats.getInferenceStats().getFail().getCount()).as("hurried requests dropped by the server")
                .isPositive();
        assertThat(stats.getExecutionCount()).isLessThan(FLOOD + hurriedRequests);
    }

    private ModelStatistics statistics(String endpoint) {
        return inference.modelStatistics(ModelStatisticsRequest.newBuilder().setName(endpoint).build()).getModelStats(0);
    }

    private void deploy(String endpoint, Batching.Builder batching) throws Exception {
        IrisFixture.models(store);
        deployments.deploy(DeployRequest.newBuilder().setEndpoint(endpoint).setModelName("iris").setVersion(1)
                .setBatching(batching).build());
    }

    private static CompletableFuture<ModelInferResponse> call(GRPCInferenceServiceGrpc.GRPCInferenceServiceStub async,
            ModelInferRequest request) {
        CompletableFuture<ModelInferResponse> answer = new CompletableFuture<>();
        async.modelInfer(request, new StreamObserver<>() {
            @Override
            public void onNext(ModelInferResponse value) {
                answer.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        return answer;
    }

    private static String restBody(int rows) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < rows * 4; i++) {
            data.append(i == 0 ? "" : ",").append((i % 7) * 0.3 - 1);
        }
        return "{\"inputs\":[{\"name\":\"input\",\"shape\":[" + rows + ",4],\"datatype\":\"FP32\",\"data\":[" + data
                + "]}]}";
    }
}
