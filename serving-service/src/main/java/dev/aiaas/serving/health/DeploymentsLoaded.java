package dev.aiaas.serving.health;

import dev.aiaas.serving.service.Deployments;
import dev.aiaas.serving.service.ServedEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: every declared endpoint, of every project, serves a loaded version; otherwise names
 * those that do not (as project/endpoint).
 */
@Readiness
@ApplicationScoped
public class DeploymentsLoaded implements HealthCheck {

    @Inject
    Deployments deployments;

    @Inject
    ServedEndpoints endpoints;

    @Override
    public HealthCheckResponse call() {
        var notServing = endpoints.notServing();
        return HealthCheckResponse.named("deployments-loaded")
                .status(deployments.ready())
                .withData("endpoints", endpoints.count())
                .withData("not_serving", String.join("; ", notServing))
                .build();
    }
}
