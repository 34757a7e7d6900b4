package dev.aiaas.serving.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code aiaas_inference_request_duration_seconds{project,endpoint,version,role,status}}: how
 * long each request took, per deployed endpoint, the version and role that took it (a shadow's
 * copies included) and outcome. Every tag comes from a deployed endpoint and its bound versions,
 * never from what a client named, so the series stay bounded.
 */
@ApplicationScoped
public class RequestTimers {

    @Inject
    MeterRegistry meters;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** Records one request of {@code use} that ended with {@code status} (a gRPC code name) after {@code nanos}. */
    void record(EndpointUse use, String status, long nanos) {
        timer(use, status).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One timer per series, built once: this runs on every request. */
    private Timer timer(EndpointUse use, String status) {
        String version = Long.toString(use.model().version().version());
        String role = use.role().label();
        return timers.computeIfAbsent(use.project() + '/' + use.endpoint() + ' ' + version + ' ' + role + ' ' + status,
                key -> Timer.builder("aiaas_inference_request_duration_seconds")
                        .description("Time to answer one inference request, from decoding to the model's answer")
                        .tag("project", use.project())
                        .tag("endpoint", use.endpoint())
                        .tag("version", version)
                        .tag("role", role)
                        .tag("status", status)
                        .publishPercentileHistogram()
                        .register(meters));
    }
}
