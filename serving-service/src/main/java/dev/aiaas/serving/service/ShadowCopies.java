package dev.aiaas.serving.service;

import dev.aiaas.batching.Arrival;
import dev.aiaas.errors.StatusMapping;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.messaging.PredictionLog;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.InferenceOutcome;
import dev.aiaas.serving.model.Role;
import dev.aiaas.serving.protocol.RequestLimits;
import dev.aiaas.serving.protocol.TensorCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Copies admitted requests to their endpoint's shadow, fire and forget. The copy is decoded
 * against the shadow version's own signature and put on the shadow's own queue as a task of its
 * own on the request's event loop, after the client's request is queued, so the client's request
 * never waits for it; its answer (or failure) goes to the prediction log only, with the client's
 * request id and role "shadow", and is timed like any request with role "shadow". Nothing of the
 * copy reaches the client: a full shadow queue, a shadow failure or no shadow loaded is only
 * counted in {@code aiaas_serving_shadow_copies_total{project,endpoint,outcome}} (outcome
 * {@code answered}, {@code queue_full}, {@code failed} or {@code not_serving}).
 */
@ApplicationScoped
public class ShadowCopies {

    @Inject
    ServedEndpoints endpoints;

    @Inject
    Inference inference;

    @Inject
    PredictionLog log;

    @Inject
    RequestTimers timers;

    @Inject
    MeterRegistry meters;

    @Inject
    ServingConfig config;

    /** Schedules a copy of {@code request} (already admitted to {@code project}'s endpoint) for its shadow. */
    void copy(String project, String endpoint, ModelInferRequest request, String requestId, long deadlineNanos) {
        Context trace = Context.current();
        RequestContextExecutor.current().execute(() -> {
            try (Scope scope = trace.makeCurrent()) {
                send(project, endpoint, request, requestId, deadlineNanos);
            } catch (RuntimeException e) { // nothing of the copy may reach the client's request
                count(project, endpoint, "failed");
            }
        });
    }

    private void send(String project, String endpoint, ModelInferRequest request, String requestId,
            long deadlineNanos) {
        EndpointUse shadow = endpoints.acquireShadow(project, endpoint);
        if (shadow == null) {
            count(project, endpoint, "not_serving");
            return;
        }
        Context trace = Context.current();
        Instant received = Instant.now();
        long started = System.nanoTime();
        CompletableFuture<InferenceOutcome> outcome;
        try (Arrival arrival = shadow.queue().announce()) {
            InferenceInput input = TensorCodec.decode(request, shadow.model().signature(),
                    RequestLimits.of(config.limits()));
            outcome = inference.submit(shadow, input, deadlineNanos, arrival);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((answer, failure) -> {
            try (Scope scope = trace.makeCurrent()) {
                record(shadow, requestId, received, System.nanoTime() - started, answer, failure);
            } finally {
                shadow.release();
            }
        });
    }

    private void record(EndpointUse shadow, String requestId, Instant received, long elapsed,
            InferenceOutcome answer, Throwable failure) {
        if (failure != null) {
            String status = StatusMapping.codeOf(failure).name();
            timers.record(shadow, status, elapsed);
            log.failed(shadow.project(), shadow.endpoint(), requestId, received, elapsed / 1e9, status, Role.SHADOW,
                    shadow.model().version().modelName(), shadow.model().version().version());
            count(shadow.project(), shadow.endpoint(), failure instanceof QueueFull
                    || failure.getCause() instanceof QueueFull ? "queue_full" : "failed");
            return;
        }
        timers.record(shadow, "OK", elapsed);
        log.answered(shadow.project(), shadow.endpoint(), requestId, received, elapsed / 1e9, answer, Role.SHADOW);
        count(shadow.project(), shadow.endpoint(), "answered");
    }

    private void count(String project, String endpoint, String outcome) {
        Counter.builder("aiaas_serving_shadow_copies_total")
                .description("Copies of requests sent to an endpoint's shadow version, by how they ended")
                .tag("project", project).tag("endpoint", endpoint).tag("outcome", outcome)
                .register(meters).increment();
    }
}
