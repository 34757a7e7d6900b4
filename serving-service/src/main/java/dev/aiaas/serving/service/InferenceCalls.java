package dev.aiaas.serving.service;

import dev.aiaas.errors.StatusMapping;
import dev.aiaas.serving.messaging.PredictionLog;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.InferenceOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One inference call as both edges (gRPC and REST) make it: timed into
 * {@code aiaas_inference_request_duration_seconds}, counted, and logged to the prediction
 * log whether it succeeds or fails.
 */
@ApplicationScoped
public class InferenceCalls {

    @Inject
    Inference inference;

    @Inject
    PredictionLog log;

    @Inject
    MeterRegistry meters;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public InferenceOutcome call(String endpoint, String version, String requestId, Supplier<InferenceInput> input) {
        Instant received = Instant.now();
        long started = System.nanoTime();
        try {
            InferenceOutcome outcome = inference.infer(endpoint, version, input.get());
            long elapsed = System.nanoTime() - started;
            timer(endpoint, "OK").record(elapsed, java.util.concurrent.TimeUnit.NANOSECONDS);
            log.answered(endpoint, requestId, received, elapsed / 1e9, outcome);
            return outcome;
        } catch (RuntimeException e) {
            long elapsed = System.nanoTime() - started;
            String status = StatusMapping.toStatus(e).getCode().name();
            timer(endpoint, status).record(elapsed, java.util.concurrent.TimeUnit.NANOSECONDS);
            log.failed(endpoint, requestId, received, elapsed / 1e9, status);
            throw e;
        }
    }

    /** One timer per endpoint and outcome, built once: this runs on every request. */
    private Timer timer(String endpoint, String status) {
        return timers.computeIfAbsent(endpoint + ' ' + status, key -> Timer.builder("aiaas_inference_request_duration_seconds")
                .description("Time to answer one inference request, from decoding to the model's answer")
                .tag("endpoint", endpoint)
                .tag("status", status)
                .publishPercentileHistogram()
                .register(meters));
    }
}
