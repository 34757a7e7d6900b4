package dev.aiaas.serving.service;

import dev.aiaas.serving.config.ServingConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/** Liveness, readiness and identity of the inference server, shared by gRPC and REST. */
@ApplicationScoped
public class ServerState {

    /** Protocol extensions this server implements. */
    public static final List<String> EXTENSIONS = List.of("model_repository");

    @Inject
    ServingConfig config;

    private volatile boolean ready;

    void onStart(@Observes StartupEvent event) {
        ready = true;
    }

    public boolean live() {
        return true;
    }

    /** True once start-up has finished. */
    public boolean ready() {
        return ready;
    }

    public String name() {
        return config.serverName();
    }

    public String version() {
        return config.serverVersion();
    }
}
