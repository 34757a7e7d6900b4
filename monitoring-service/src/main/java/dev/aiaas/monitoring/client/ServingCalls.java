package dev.aiaas.monitoring.client;

import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc.DeploymentServiceBlockingStub;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/** The retraining loop's calls to serving, in the caller's project ({@code ProjectScope}). */
@ApplicationScoped
public class ServingCalls {

    @GrpcClient("serving")
    DeploymentServiceBlockingStub deployments;

    @Inject
    MonitoringConfig config;

    public Deployment deployment(String endpoint) {
        return PeerCall.call("serving", "describe endpoint " + endpoint, () -> stub()
                .getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(endpoint).build()));
    }

    /** Declares the endpoint anew: its bindings and traffic (a loaded version is kept, not reloaded). */
    public Deployment deploy(DeployRequest request) {
        return PeerCall.call("serving", "deploy endpoint " + request.getEndpoint(), () -> stub().deploy(request));
    }

    private DeploymentServiceBlockingStub stub() {
        return deployments.withDeadlineAfter(config.loop().deployTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
