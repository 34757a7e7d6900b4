package dev.aiaas.monitoring.dashboard;

import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.proto.serving.v1.BoundVersion;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.proto.serving.v1.ListDeploymentsRequest;
import dev.aiaas.security.quarkus.ProjectScope;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Serving's deployments of a project, read for the overview (ListDeployments) within
 * {@code monitoring.dashboard.call-timeout}, carrying the project ({@link ProjectScope#within}):
 * each endpoint's bindings and traffic split, by endpoint name, at most {@code max-endpoints}.
 */
@ApplicationScoped
public class EndpointCatalog {

    @GrpcClient("serving")
    DeploymentServiceBlockingStub deployments;

    @Inject
    MonitoringConfig config;

    /** The deployments of {@code project}; when serving does not answer, none and why. */
    public Section<Deployed> deployments(String project) {
        return ProjectScope.within(project, () -> {
            try {
                return Section.of(deployments
                        .withDeadlineAfter(config.dashboard().callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .listDeployments(ListDeploymentsRequest.getDefaultInstance()).getDeploymentsList().stream()
                        .sorted(Comparator.comparing(Deployment::getEndpoint))
                        .limit(config.dashboard().maxEndpoints())
                        .map(deployment -> new Deployed(deployment.getEndpoint(), deployment(deployment)))
                        .toList());
            } catch (StatusRuntimeException e) {
                return new Section<>(List.of(), PeerFailure.reason("serving", e));
            }
        });
    }

    /** An endpoint serving has a deployment of, and how. */
    public record Deployed(String endpoint, OverviewView.Deployment deployment) {
    }

    private static OverviewView.Deployment deployment(Deployment deployment) {
        return new OverviewView.Deployment(deployment.getModelName(), deployment.getAlias(), deployment.getVersion(),
                deployment.getServingVersion(), deployment.getState().name(), deployment.getMessage(),
                deployment.hasChallenger() ? binding(deployment.getChallenger()) : null,
                deployment.getChallengerWeight(),
                deployment.hasShadow() ? binding(deployment.getShadow()) : null, deployment.getShadowShare());
    }

    private static OverviewView.Binding binding(BoundVersion bound) {
        return new OverviewView.Binding(bound.getAlias(), bound.getVersion(), bound.getServingVersion(),
                bound.getState().name(), bound.getMessage());
    }
}
