package dev.aiaas.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelReadyRequest;
import dev.aiaas.proto.inference.RepositoryIndexRequest;
import dev.aiaas.proto.inference.ServerLiveRequest;
import dev.aiaas.proto.inference.ServerMetadataRequest;
import dev.aiaas.proto.inference.ServerReadyRequest;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class InferenceProtocolTest {

    /** {@code /q/} on the management interface, apart from the API: health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @GrpcClient("inference")
    GRPCInferenceServiceBlockingStub inference;

    @Test
    void serverIsLiveReadyAndDescribesItself() {
        assertThat(inference.serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
        assertThat(inference.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();
        var metadata = inference.serverMetadata(ServerMetadataRequest.getDefaultInstance());
        assertThat(metadata.getName()).isEqualTo("aiaas-serving");
        assertThat(metadata.getExtensionsList()).contains("model_repository");
    }

    @Test
    void undeployedModelIsNotFoundWithWhatToDo() {
        assertThatThrownBy(() -> inference.modelReady(ModelReadyRequest.newBuilder().setName("tulips").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).contains("tulips").contains("Deploy");
                });
        assertThatThrownBy(() -> inference.modelInfer(ModelInferRequest.newBuilder().setModelName("tulips")
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("input").setDatatype("FP32")
                        .addShape(1).addShape(1).setContents(dev.aiaas.proto.inference.InferTensorContents.newBuilder()
                                .addFp32Contents(1f))).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThat(inference.repositoryIndex(RepositoryIndexRequest.getDefaultInstance()).getModelsList())
                .noneMatch(m -> m.getName().equals("tulips"));
    }

    @Test
    void restMappingAnswersHealthAndMetadata() {
        given().get("/v2/health/live").then().statusCode(200).body("live", equalTo(true));
        given().get("/v2/health/ready").then().statusCode(200).body("ready", equalTo(true));
        given().get("/v2").then().statusCode(200).body("extensions", hasItem("model_repository"));
        given().get("/v2/models/tulips").then().statusCode(404).body("error", org.hamcrest.Matchers.containsString("tulips"));
    }

    @Test
    void operatorsGetHealthAndPrometheusMetrics() {
        given().get(management + "health").then().statusCode(200).body("status", equalTo("UP"));
        given().get(management + "metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
    }
}

