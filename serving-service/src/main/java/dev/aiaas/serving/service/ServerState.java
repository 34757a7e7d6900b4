package dev.aiaas.serving.service;

import dev.aiaas.serving.config.ServingConfig;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.quarkus.grpc.runtime.health.GrpcHealthStorage;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Liveness, readiness and identity of the inference server, shared by gRPC and REST. Ready
 * means able to do the job: the declared endpoints were read at start and every one of them
 * serves a loaded version. gRPC health ({@code grpc.health.v1}) says the same.
 */
@ApplicationScoped
public class ServerState {

    /** Protocol extensions this server implements, advertised in its metadata. */
    public static final List<String> EXTENSIONS = List.of("model_repository", "statistics", "classification");
    private static final String INFERENCE_SERVICE = "inference.GRPCInferenceService";

    @Inject
    ServingConfig config;

    @Inject
    Deployments deployments;

    @Inject
    GrpcHealthStorage grpcHealth;

    /** Nothing is loaded before the first reconcile: not ready until it has run. */
    void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        publish();
    }

    public boolean live() {
        return true;
    }

    public boolean ready() {
        return deployments.ready();
    }

    /** Tells gRPC health what {@link #ready()} says now. */
    public void publish() {
        ServingStatus status = ready() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        grpcHealth.setStatus(GrpcHealthStorage.DEFAULT_SERVICE_NAME, status);
        grpcHealth.setStatus(INFERENCE_SERVICE, status);
    }

    public String name() {
        return config.serverName();
    }

    public String version() {
        return config.serverVersion();
    }
}
