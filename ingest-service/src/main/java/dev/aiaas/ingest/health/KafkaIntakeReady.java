package dev.aiaas.ingest.health;

import dev.aiaas.ingest.messaging.IntakeFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: down while records polled from Kafka cannot be stored, saying since when and why. */
@Readiness
@ApplicationScoped
public class KafkaIntakeReady implements HealthCheck {

    private static final String NAME = "kafka records intake";

    @Inject
    IntakeFailure failure;

    @Override
    public HealthCheckResponse call() {
        return failure.current()
                .map(current -> HealthCheckResponse.named(NAME).down()
                        .withData("failing-since", current.since().toString())
                        .withData("problem", current.problem())
                        .build())
                .orElseGet(() -> HealthCheckResponse.up(NAME));
    }
}
