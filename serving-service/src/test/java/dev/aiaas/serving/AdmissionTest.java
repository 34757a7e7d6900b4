package dev.aiaas.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ServerLiveRequest;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admission before allocation: malformed requests of every kind are refused with a status and
 * a message that says what to fix, nothing they claim is allocated, and the server stays up.
 * The test JVM runs with a 768 MiB heap (see the pom), so a request whose claimed shape were
 * allocated (a gigabyte for the 80-byte body) would end it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class AdmissionTest {

    /** {@code /q/} on the management interface, apart from the API: health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final int PER_EDGE = 5_000;
    /** Heap that may stay in use after the storm and a GC, beyond what was in use before it. */
    private static final long HEAP_GROWTH_BOUND = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Status.Code> REFUSALS = Set.of(Status.Code.INVALID_ARGUMENT, Status.Code.RESOURCE_EXHAUSTED);

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @GrpcClient("deployments")
    DeploymentServiceBlockingStub deployments;

    @Inject
    ArtifactStore store;

    @TestHTTPResource("/v2/models/fuzz/infer")
    URI inferUri;

    @BeforeEach
    void deployFuzzEndpoint() throws Exception {
        IrisFixture.models(store);
        deployments.deploy(DeployRequest.newBuilder().setEndpoint("fuzz").setModelName("iris").setVersion(1).build());
    }

    @Test
    void tenThousandMalformedRequestsAreRefusedWithAMessageAndTheServerStaysUp() throws Exception {
        long heapBefore = heapAfterGc();
        MalformedRequests generator = new MalformedRequests(20261201L, "fuzz");
        Map<Status.Code, Integer> grpcCodes = new EnumMap<>(Status.Code.class);
        for (int i = 0; i < PER_EDGE; i++) {
            ModelInferRequest request = generator.grpc();
            try {
                inference.modelInfer(request);
                throw new AssertionError("a malformed request was answered: " + request);
            } catch (StatusRuntimeException e) {
                assertThat(e.getStatus().getCode()).as("status of %s", request).isIn(REFUSALS);
                assertThat(e.getStatus().getDescription()).as("message of %s", request).isNotBlank();
                grpcCodes.merge(e.getStatus().getCode(), 1, Integer::sum);
            }
        }
        Map<Integer, Integer> httpCodes = new TreeMap<>();
        HttpClient http = HttpClient.newHttpClient();
        {
            for (int i = 0; i < PER_EDGE; i++) {
                String body = generator.rest();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(inferUri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("status for %s", abbreviated(body)).isBetween(400, 499);
                JsonNode error = JSON.readTree(response.body());
                assertThat(error.path("error").asText()).as("error for %s", abbreviated(body)).isNotBlank();
                httpCodes.merge(response.statusCode(), 1, Integer::sum);
            }
        }

        assertThat(inference.serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
        assertThat(inference.modelInfer(oneRow("fuzz")).getOutputsCount()).isEqualTo(3);
        long heapAfter = heapAfterGc();
        System.out.printf("malformed requests: gRPC %s, REST %s; heap after GC %d MiB before, %d MiB after%n",
                grpcCodes, httpCodes, heapBefore >> 20, heapAfter >> 20);
        assertThat(heapAfter).isLessThan(heapBefore + HEAP_GROWTH_BOUND);
    }

    @Test
    void anEightyByteBodyClaimingAQuarterBillionElementsIsRefusedBeforeAllocation() {
        given().contentType("application/json")
                .body("{\"inputs\":[{\"name\":\"a\",\"shape\":[268435455],\"datatype\":\"FP32\",\"data\":[1]}]}")
                .post("/v2/models/fuzz/infer")
                .then().statusCode(400).body("error", containsString("268435455"))
                .body("error", containsString("split it"));
    }

    @Test
    void notJsonAndNanLiteralsGetAJsonErrorBody() {
        given().contentType("application/json").body("this is not json").post("/v2/models/fuzz/infer")
                .then().statusCode(400).body("error", containsString("not valid JSON"));
        given().contentType("application/json")
                .body("{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":[NaN,1,2,3]}]}")
                .post("/v2/models/fuzz/infer")
                .then().statusCode(400).body("error", containsString("NaN"));
    }

    @Test
    void aRequestForAnUnknownModelLeavesNoMetricSeries() {
        try {
            inference.modelInfer(oneRow("no-such-model-" + System.nanoTime()));
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        }
        given().get(management + "metrics").then().statusCode(200).body(not(containsString("no-such-model")));
    }

    private static ModelInferRequest oneRow(String model) {
        return ModelInferRequest.newBuilder().setModelName(model).addInputs(InferInputTensor.newBuilder()
                .setName("input").setDatatype("FP32").addShape(1).addShape(4)
                .setContents(InferTensorContents.newBuilder().addFp32Contents(5.1f).addFp32Contents(3.5f)
                        .addFp32Contents(1.4f).addFp32Contents(0.2f))).build();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
