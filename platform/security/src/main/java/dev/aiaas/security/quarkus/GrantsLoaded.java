package dev.aiaas.security.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the service knows every role granted before it started. Until then it would refuse
 * callers whose role was granted by an admin, so it takes no traffic.
 */
@Readiness
@ApplicationScoped
public class GrantsLoaded implements HealthCheck {

    @Inject
    StoredGrants grants;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("access-grants-loaded")
                .status(grants.loaded())
                .withData("records_read", grants.recordsRead())
                .withData("subjects", grants.directory().subjects())
                .build();
    }
}
