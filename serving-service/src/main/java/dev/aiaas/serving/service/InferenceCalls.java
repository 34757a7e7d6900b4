package dev.aiaas.serving.service;

import dev.aiaas.batching.Arrival;
import dev.aiaas.errors.StatusMapping;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.messaging.PredictionLog;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.InferenceOutcome;
import dev.aiaas.serving.protocol.InferenceResponses;
import dev.aiaas.serving.protocol.RequestLimits;
import dev.aiaas.serving.protocol.TensorCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One inference call as both edges (gRPC and REST) make it, for an endpoint of the caller's
 * project: the endpoint is found first (an unknown one, or another project's, leaves no metric
 * series and no log entry behind), the request is admitted against the serving version's
 * signature, queued, and its answer encoded with the request's id (the client's, or a UUID made
 * here when it sent none: every answer names the prediction that ground truth will refer to); then
 * it is timed into
 * {@code aiaas_inference_request_duration_seconds{project,endpoint,status}} and logged to the
 * prediction log with its project, whether it succeeded or failed. Nothing here blocks: the
 * model's worker completes the outcome, and the answer is finished on the request's own event
 * loop.
 */
@ApplicationScoped
public class InferenceCalls {

    @Inject
    ServedEndpoints endpoints;

    @Inject
    Inference inference;

    @Inject
    PredictionLog log;

    @Inject
    MeterRegistry meters;

    @Inject
    ServingConfig config;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** Answers {@code request} with {@code project}'s endpoint that it names. */
    public CompletableFuture<ModelInferResponse> call(String project, ModelInferRequest request, long deadlineNanos) {
        String requestId = RequestIds.of(request);
        EndpointUse use = endpoints.acquire(project, request.getModelName(), request.getModelVersion());
        Context trace = Context.current(); // the request's span: the prediction log continues its trace
        Instant received = Instant.now();
        long started = System.nanoTime();
        CompletableFuture<InferenceOutcome> outcome;
        try (Arrival arrival = use.queue().announce()) { // the model's worker may wait for it
            InferenceInput input = TensorCodec.decode(request, use.model().signature(),
                    RequestLimits.of(config.limits()));
            outcome = inference.submit(use, input, deadlineNanos, arrival);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        // The answer is encoded, timed, logged and written on the request's own event loop, so
        // the model's worker goes straight on to the next batch (measured: this work on the
        // worker took three quarters of its time).
        return outcome.handleAsync((answer, failure) -> {
            try (Scope scope = trace.makeCurrent()) {
                long elapsed = System.nanoTime() - started;
                if (failure != null) {
                    String status = StatusMapping.codeOf(failure).name();
                    timer(use, status).record(elapsed, TimeUnit.NANOSECONDS);
                    log.failed(use.project(), use.endpoint(), requestId, received, elapsed / 1e9, status);
                    throw failure instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(failure.getMessage(), failure);
                }
                timer(use, "OK").record(elapsed, TimeUnit.NANOSECONDS);
                log.answered(use.project(), use.endpoint(), requestId, received, elapsed / 1e9, answer);
                return InferenceResponses.encode(request, requestId, answer, use.model().signature());
            } finally {
                use.release();
            }
        }, RequestContextExecutor.current());
    }

    /**
     * One timer per deployed endpoint (of a project) and outcome, built once: this runs on every
     * request. The tags come from a deployed endpoint, never from what a client named.
     */
    private Timer timer(EndpointUse use, String status) {
        return timers.computeIfAbsent(use.project() + '/' + use.endpoint() + ' ' + status,
                key -> Timer.builder("aiaas_inference_request_duration_seconds")
                        .description("Time to answer one inference request, from decoding to the model's answer")
                        .tag("project", use.project())
                        .tag("endpoint", use.endpoint())
                        .tag("status", status)
                        .publishPercentileHistogram()
                        .register(meters));
    }
}
