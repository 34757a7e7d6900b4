package dev.aiaas.registry;

import static dev.aiaas.registry.RegistryRequests.alias;
import static dev.aiaas.registry.RegistryRequests.unique;
import static dev.aiaas.registry.RegistryRequests.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.Projects;
import dev.aiaas.proto.events.v1.RegistryEvent;
import dev.aiaas.proto.registry.v1.AliasChange;
import dev.aiaas.proto.registry.v1.CreateRegisteredModelRequest;
import dev.aiaas.proto.registry.v1.DeleteAliasRequest;
import dev.aiaas.proto.registry.v1.GetAliasHistoryRequest;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.GetRegisteredModelRequest;
import dev.aiaas.proto.registry.v1.ListModelVersionsRequest;
import dev.aiaas.proto.registry.v1.ListRegisteredModelsRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegisteredModel;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import dev.aiaas.proto.registry.v1.SetModelVersionTagRequest;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Projects are the unit of isolation: two projects may each register a model of the same name,
 * each sees and changes only its own, and another project's model is answered exactly as a
 * missing one. Security is off in tests, so a call names its project in the
 * {@value Projects#HEADER} header, as the training service does when it registers a job's model.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class ProjectIsolationTest {


    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Test
    void theSameModelNameLivesApartInEachProject() {
        in("alpha").createRegisteredModel(model("iris", "alpha's iris"));
        in("beta").createRegisteredModel(model("iris", "beta's iris"));
        in("alpha").createModelVersion(version("iris", 0.91));
        in("alpha").createModelVersion(version("iris", 0.95));
        ModelVersion betaFirst = in("beta").createModelVersion(version("iris", 0.5));

        RegisteredModel alphaIris = in("alpha").getRegisteredModel(get("iris"));
        RegisteredModel betaIris = in("beta").getRegisteredModel(get("iris"));

        assertThat(betaFirst.getVersion()).as("numbering is per project").isEqualTo(1);
        assertThat(alphaIris.getDescription()).isEqualTo("alpha's iris");
        assertThat(alphaIris.getLatestVersion()).isEqualTo(2);
        assertThat(betaIris.getDescription()).isEqualTo("beta's iris");
        assertThat(betaIris.getLatestVersion()).isEqualTo(1);
        assertThat(modelsNamed("iris", "alpha")).extracting(RegisteredModel::getDescription).containsExactly("alpha's iris");
        assertThat(modelsNamed("iris", "beta")).extracting(RegisteredModel::getDescription).containsExactly("beta's iris");
        assertThat(modelsNamed("iris", Projects.DEFAULT)).isEmpty();
        assertThat(versionsOf("iris", "alpha")).extracting(ModelVersion::getVersion).containsExactly(2L, 1L);
        assertThat(versionsOf("iris", "beta")).extracting(v -> v.getMetricsMap().get("accuracy")).containsExactly(0.5);
        assertThat(in("alpha").getModelVersion(number("iris", 1)).getMetricsMap()).containsEntry("accuracy", 0.91);
        assertNotFound(() -> in("beta").getModelVersion(number("iris", 2)), "model iris has no version 2");
    }

    @Test
    void anotherProjectsModelIsNotFoundExactlyLikeAMissingOne() {
        String model = unique("alpha-only");
        String missing = unique("nowhere");
        in("alpha").createModelVersion(version(model, 0.9));
        in("alpha").setAlias(alias(model, "champion", 1));
        String missingModel = notFound(() -> in("alpha").getRegisteredModel(get(missing))).replace(missing, "?");

        List<Function<String, Object>> beta = List.of(
                name -> in("beta").getRegisteredModel(get(name)),
                name -> in("beta").getModelVersion(number(name, 1)),
                name -> in("beta").getModelVersion(GetModelVersionRequest.newBuilder().setModelName(name)
                        .setAlias("champion").build()),
                name -> in("beta").listModelVersions(ListModelVersionsRequest.newBuilder().setModelName(name).build()),
                name -> in("beta").getAliasHistory(history(name, "")),
                name -> in("beta").setAlias(alias(name, "champion", 1)),
                name -> in("beta").deleteAlias(DeleteAliasRequest.newBuilder().setModelName(name)
                        .setAlias("champion").build()),
                name -> in("beta").setModelVersionTag(SetModelVersionTagRequest.newBuilder().setModelName(name)
                        .setVersion(1).setKey("stage").setValue("hijacked").build()));

        for (Function<String, Object> call : beta) {
            assertThat(notFound(() -> call.apply(model)).replace(model, "?")).isEqualTo(missingModel);
        }
        assertThat(in("beta").listRegisteredModels(ListRegisteredModelsRequest.getDefaultInstance()).getModelsList())
                .extracting(RegisteredModel::getName).doesNotContain(model);
        ModelVersion untouched = in("alpha").getModelVersion(number(model, 1));
        assertThat(untouched.getAliasesList()).containsExactly("champion");
        assertThat(untouched.getTagsMap()).doesNotContainKey("stage");
        assertThat(in("alpha").getAliasHistory(history(model, "champion")).getChangesList()).hasSize(1);
    }

    @Test
    void aliasesAndTheirHistoryArePerProject() {
        String model = unique("digits");
        for (String project : List.of("alpha", "beta")) {
            in(project).createModelVersion(version(model, 0.9));
            in(project).createModelVersion(version(model, 0.97));
        }

        in("alpha").setAlias(alias(model, "champion", 1));
        in("alpha").setAlias(alias(model, "champion", 2));
        var betaMove = in("beta").setAlias(alias(model, "champion", 1));
        in("beta").deleteAlias(DeleteAliasRequest.newBuilder().setModelName(model).setAlias("champion").build());
        in("beta").setAlias(alias(model, "champion", 2));
        in("beta").setAlias(alias(model, "champion", 1));

        assertThat(betaMove.getPreviousVersion()).as("alpha's alias is not beta's").isZero();
        assertThat(champion(model, "alpha").getVersion()).isEqualTo(2);
        assertThat(champion(model, "beta").getVersion()).isEqualTo(1);
        assertThat(in("alpha").getAliasHistory(history(model, "champion")).getChangesList())
                .extracting(AliasChange::getVersion).containsExactly(2L, 1L);
        assertThat(in("beta").getAliasHistory(history(model, "")).getChangesList())
                .extracting(AliasChange::getVersion).containsExactly(1L, 2L, 0L, 1L);
    }

    @Test
    void eventsCarryTheProjectOfTheirModel() {
        String model = unique("events");
        in("alpha").createModelVersion(version(model, 0.9));
        in("beta").createModelVersion(version(model, 0.8));
        in("beta").setAlias(alias(model, "champion", 1));

        List<RegistryEvent> events = RegistryTopic.eventsOf(model, 5, Duration.ofSeconds(20));

        assertThat(events).extracting(e -> e.getHeader().getProject() + ":" + e.getChangeCase())
                .containsExactlyInAnyOrder(
                        "alpha:MODEL_CREATED", "alpha:VERSION_CREATED",
                        "beta:MODEL_CREATED", "beta:VERSION_CREATED", "beta:ALIAS_SET");
    }

    @Test
    void aCallThatNamesNoProjectActsInTheDefaultProject() {
        String model = unique("unnamed");
        registry.createModelVersion(version(model, 0.7));

        assertThat(in(Projects.DEFAULT).getRegisteredModel(get(model)).getLatestVersion()).isEqualTo(1);
        assertThat(notFound(() -> in("alpha").getRegisteredModel(get(model)))).contains(model);
    }

    /** The registry as seen by a caller of {@code project}. */
    private RegistryServiceBlockingStub in(String project) {
        return ProjectHeader.on(registry, project);
    }

    private List<RegisteredModel> modelsNamed(String name, String project) {
        return in(project).listRegisteredModels(ListRegisteredModelsRequest.getDefaultInstance()).getModelsList()
                .stream().filter(m -> m.getName().equals(name)).toList();
    }

    private List<ModelVersion> versionsOf(String model, String project) {
        return in(project).listModelVersions(ListModelVersionsRequest.newBuilder().setModelName(model).build())
                .getVersionsList();
    }

    private ModelVersion champion(String model, String project) {
        return in(project).getModelVersion(GetModelVersionRequest.newBuilder().setModelName(model)
                .setAlias("champion").build());
    }

    private static CreateRegisteredModelRequest model(String name, String description) {
        return CreateRegisteredModelRequest.newBuilder().setName(name).setDescription(description).build();
    }

    private static GetRegisteredModelRequest get(String name) {
        return GetRegisteredModelRequest.newBuilder().setName(name).build();
    }

    private static GetModelVersionRequest number(String model, long version) {
        return GetModelVersionRequest.newBuilder().setModelName(model).setVersion(version).build();
    }

    private static GetAliasHistoryRequest history(String model, String alias) {
        return GetAliasHistoryRequest.newBuilder().setModelName(model).setAlias(alias).build();
    }

    private static void assertNotFound(Runnable call, String description) {
        assertThat(notFound(call)).isEqualTo(description);
    }

    /** The description of the NOT_FOUND the call fails with. */
    private static String notFound(Runnable call) {
        String[] description = new String[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
            description[0] = e.getStatus().getDescription();
        });
        return description[0];
    }
}
