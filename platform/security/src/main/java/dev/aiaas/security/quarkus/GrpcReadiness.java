package dev.aiaas.security.quarkus;

import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.quarkus.grpc.runtime.health.GrpcHealthStorage;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's readiness over the gRPC health protocol, for probes that speak gRPC (the
 * kubelet's): the gRPC health service {@value #SERVICE} is SERVING exactly when every readiness
 * check of {@code /q/health/ready} is up (database, Kafka, grants, loaded models), refreshed every
 * {@code aiaas.health.grpc-readiness-interval}. The server's own status (service "") stays what
 * Quarkus says, SERVING once it listens, so a liveness probe on it does not restart a service that
 * is only waiting for its database.
 */
@ApplicationScoped
public class GrpcReadiness {

    /** The gRPC health service name that mirrors readiness. */
    public static final String SERVICE = "aiaas.readiness";
    private static final Logger LOG = Logger.getLogger(GrpcReadiness.class);

    @Inject
    GrpcHealthStorage health;

    @Inject
    SmallRyeHealthReporter reporter;

    @ConfigProperty(name = "aiaas.health.grpc-readiness-interval", defaultValue = "PT5S")
    Duration interval;

    private ScheduledExecutorService timer;
    private volatile ServingStatus last;

    void start(@Observes StartupEvent event) {
        health.setStatus(SERVICE, ServingStatus.NOT_SERVING);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "grpc-readiness");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    void refresh() {
        ServingStatus status;
        try {
            status = reporter.getReadiness().isDown() ? ServingStatus.NOT_SERVING : ServingStatus.SERVING;
        } catch (RuntimeException e) {
            LOG.warnf("the readiness checks failed to run (%s): %s is NOT_SERVING", e.getMessage(), SERVICE);
            status = ServingStatus.NOT_SERVING;
        }
        if (status != last) {
            LOG.infof("gRPC health %s: %s", SERVICE, status);
            last = status;
        }
        health.setStatus(SERVICE, status);
    }
}
