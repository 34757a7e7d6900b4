package dev.aiaas.registry;

import static dev.aiaas.registry.RegistryRequests.SHA;
import static dev.aiaas.registry.RegistryRequests.alias;
import static dev.aiaas.registry.RegistryRequests.unique;
import static dev.aiaas.registry.RegistryRequests.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.events.v1.RegistryEvent;
import dev.aiaas.proto.registry.v1.GetAliasHistoryRequest;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.ListModelVersionsRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class RegistryServiceTest {

    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Test
    void versionsAreNumberedAndReadBackWithLineageAndArtifacts() {
        String model = unique("iris");
        ModelVersion first = registry.createModelVersion(version(model, 0.91));
        ModelVersion second = registry.createModelVersion(version(model, 0.95));

        ModelVersion read = registry.getModelVersion(
                GetModelVersionRequest.newBuilder().setModelName(model).setVersion(2).build());

        assertThat(first.getVersion()).isEqualTo(1);
        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(read.getMetricsMap()).containsEntry("accuracy", 0.95);
        assertThat(read.getLineage().getDataset()).isEqualTo("iris");
        assertThat(read.getLineage().getDatasetVersion()).isEqualTo(3);
        assertThat(read.getLineage().getCodeVersion()).isNotBlank();
        assertThat(read.getArtifactsList()).extracting(ArtifactRef::getSha256).containsExactly(SHA);
        assertThat(read.getSignature().getInputs(0).getShapeList()).containsExactly(-1L, 4L);
    }

    @Test
    void aTrainingJobThatRegistersAgainGetsItsFirstVersionBack() {
        String model = unique("iris");
        ModelVersion first = registry.createModelVersion(version(model, 0.91, "job-retried"));
        ModelVersion retried = registry.createModelVersion(version(model, 0.91, "job-retried"));
        ModelVersion other = registry.createModelVersion(version(model, 0.93, "job-other"));

        assertThat(retried.getVersion()).isEqualTo(first.getVersion()).isEqualTo(1);
        assertThat(other.getVersion()).isEqualTo(2);
        assertThat(registry.listModelVersions(ListModelVersionsRequest.newBuilder().setModelName(model).build())
                .getVersionsCount()).isEqualTo(2);
    }

    @Test
    void aliasMovesAreResolvedAndKeptInHistory() {
        String model = unique("digits");
        registry.createModelVersion(version(model, 0.9));
        registry.createModelVersion(version(model, 0.97));

        registry.setAlias(alias(model, "champion", 1));
        var moved = registry.setAlias(alias(model, "champion", 2));
        var rolledBack = registry.setAlias(alias(model, "champion", 1));

        assertThat(moved.getPreviousVersion()).isEqualTo(1);
        assertThat(rolledBack.getPreviousVersion()).isEqualTo(2);
        ModelVersion champion = registry.getModelVersion(
                GetModelVersionRequest.newBuilder().setModelName(model).setAlias("champion").build());
        assertThat(champion.getVersion()).isEqualTo(1);
        assertThat(champion.getAliasesList()).containsExactly("champion");
        var history = registry.getAliasHistory(
                GetAliasHistoryRequest.newBuilder().setModelName(model).setAlias("champion").build());
        assertThat(history.getChangesList()).extracting(c -> c.getVersion()).containsExactly(1L, 2L, 1L);
    }

    @Test
    void unknownModelVersionOrAliasIsNotFound() {
        String model = unique("nope");
        assertStatus(() -> registry.getModelVersion(
                GetModelVersionRequest.newBuilder().setModelName(model).setVersion(1).build()), Status.Code.NOT_FOUND);

        registry.createModelVersion(version(model, 0.5));
        assertStatus(() -> registry.getModelVersion(
                GetModelVersionRequest.newBuilder().setModelName(model).setAlias("champion").build()),
                Status.Code.NOT_FOUND);
        assertStatus(() -> registry.setAlias(alias(model, "champion", 9)), Status.Code.NOT_FOUND);
    }

    @Test
    void badInputIsRejectedWithWhatToFix() {
        assertThatThrownBy(() -> registry.createModelVersion(version("Bad Name", 0.1)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("lower-case");
                });
        String model = unique("tags");
        registry.createModelVersion(version(model, 0.5));
        assertStatus(() -> registry.setAlias(alias(model, "42", 1)), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> registry.createModelVersion(version(model, 0.5).toBuilder()
                .setArtifacts(0, ArtifactRef.newBuilder().setRole("parameters").setKey("k").setSha256("xyz"))
                .build()), Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void everyChangeIsPublishedOnTheRegistryTopic() {
        String model = unique("events");
        registry.createModelVersion(version(model, 0.5));
        registry.setAlias(alias(model, "champion", 1));

        List<RegistryEvent> events = RegistryTopic.eventsOf(model, 3, Duration.ofSeconds(20));

        assertThat(events).extracting(RegistryEvent::getChangeCase).containsExactly(
                RegistryEvent.ChangeCase.MODEL_CREATED,
                RegistryEvent.ChangeCase.VERSION_CREATED,
                RegistryEvent.ChangeCase.ALIAS_SET);
        assertThat(events.get(2).getAliasSet().getVersion()).isEqualTo(1);
        assertThat(events).extracting(e -> e.getHeader().getEventId()).doesNotHaveDuplicates();
        // a call that names no project acts in the default one, and its events say so
        assertThat(events).extracting(e -> e.getHeader().getProject()).containsOnly("default");
    }

    private static void assertStatus(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }
}
