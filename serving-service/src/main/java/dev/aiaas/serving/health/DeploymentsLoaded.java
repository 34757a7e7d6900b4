package dev.aiaas.serving.health;

import dev.aiaas.serving.service.Deployments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: every declared endpoint serves a loaded version; otherwise names those that do not. */
@Readiness
@ApplicationScoped
public class DeploymentsLoaded implements HealthCheck {

    @Inject
    Deployments deployments;

    @Override
    public HealthCheckResponse call() {
        var notServing = deployments.notServing();
        return HealthCheckResponse.named("deployments-loaded")
                .status(deployments.ready())
                .withData("endpoints", deployments.all().size())
                .withData("not_serving", String.join("; ", notServing))
                .build();
    }
}
