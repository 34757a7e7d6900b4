package dev.aiaas.monitoring.dashboard;

import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.proto.registry.v1.Lineage;
import dev.aiaas.proto.registry.v1.ListModelVersionsRequest;
import dev.aiaas.proto.registry.v1.ListRegisteredModelsRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegisteredModel;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import dev.aiaas.security.quarkus.ProjectScope;
import io.grpc.Deadline;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The registry's models of a project, read for the overview (ListRegisteredModels, then
 * ListModelVersions of each): the first {@code monitoring.dashboard.max-models} by name, each with
 * its newest {@code max-versions}. All the calls of one overview share one deadline
 * ({@code call-timeout}), and carry the project ({@link ProjectScope#within}).
 */
@ApplicationScoped
public class ModelCatalog {

    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Inject
    MonitoringConfig config;

    /** The models of {@code project}; when the registry does not answer, those read so far and why. */
    public Section<OverviewView.Model> models(String project) {
        Deadline deadline = Deadline.after(config.dashboard().callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        List<OverviewView.Model> models = new ArrayList<>();
        return ProjectScope.within(project, () -> {
            try {
                List<RegisteredModel> registered = registry.withDeadline(deadline)
                        .listRegisteredModels(ListRegisteredModelsRequest.getDefaultInstance()).getModelsList()
                        .stream().sorted(Comparator.comparing(RegisteredModel::getName))
                        .limit(config.dashboard().maxModels()).toList();
                for (RegisteredModel model : registered) {
                    List<ModelVersion> versions = registry.withDeadline(deadline)
                            .listModelVersions(ListModelVersionsRequest.newBuilder().setModelName(model.getName()).build())
                            .getVersionsList();
                    models.add(model(model, versions.stream().limit(config.dashboard().maxVersions()).toList()));
                }
                return Section.of(models);
            } catch (StatusRuntimeException e) {
                return new Section<>(models, PeerFailure.reason("the registry", e));
            }
        });
    }

    private static OverviewView.Model model(RegisteredModel model, List<ModelVersion> newestFirst) {
        return new OverviewView.Model(model.getName(), model.getDescription(), new TreeMap<>(model.getAliasesMap()),
                model.getLatestVersion(), newestFirst.stream().map(ModelCatalog::version).toList());
    }

    private static OverviewView.Version version(ModelVersion version) {
        Lineage lineage = version.getLineage();
        return new OverviewView.Version(version.getVersion(), version.getFamily(),
                version.hasCreatedAt() ? Instant.ofEpochSecond(version.getCreatedAt().getSeconds(),
                        version.getCreatedAt().getNanos()) : null,
                List.copyOf(version.getAliasesList()), new TreeMap<>(version.getMetricsMap()),
                new OverviewView.Lineage(lineage.getDataset(), lineage.getDatasetVersion(), lineage.getPipeline(),
                        lineage.getTrainingJobId(), lineage.getCodeVersion()));
    }
}
