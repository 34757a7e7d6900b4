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
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One inference call as both edges (gRPC and REST) make it, for an endpoint of the caller's
 * project: the endpoint is found first (an unknown one, or another project's, leaves no metric
 * series and no log entry behind) and the request routed by its key ({@link Router}: the
 * challenger answers its weight's share of keys, the champion the rest), admitted against the
 * answering version's signature, queued, and its answer encoded with the request's id (the
 * client's, or a UUID made here when it sent none: every answer names the prediction that ground
 * truth will refer to) and the version that answered; then it is timed ({@link RequestTimers})
 * and logged to the prediction log with its project, version and role, whether it succeeded or
 * failed. A request in the shadow's share is copied to the shadow once admitted
 * ({@link ShadowCopies}). Nothing here blocks: the model's worker completes the outcome, and the
 * answer is finished on the request's own event loop.
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
    RequestTimers timers;

    @Inject
    ShadowCopies shadows;

    @Inject
    ServingConfig config;

    /** Answers {@code request} with {@code project}'s endpoint that it names. */
    public CompletableFuture<ModelInferResponse> call(String project, ModelInferRequest request, long deadlineNanos) {
        String requestId = RequestIds.of(request);
        String routingKey = RequestIds.routingKey(request, requestId);
        EndpointUse use = endpoints.acquire(project, request.getModelName(), request.getModelVersion(), routingKey);
        Context trace = Context.current(); // the request's span: the prediction log continues its trace
        Instant received = Instant.now();
        long started = System.nanoTime();
        CompletableFuture<InferenceOutcome> outcome;
        try (Arrival arrival = use.queue().announce()) { // the model's worker may wait for it
            InferenceInput input = TensorCodec.decode(request, use.model().signature(),
                    RequestLimits.of(config.limits()));
            outcome = inference.submit(use, input, deadlineNanos, arrival);
            if (use.mirrored()) {
                shadows.copy(project, use.endpoint(), request, requestId, deadlineNanos);
            }
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
                    timers.record(use, status, elapsed);
                    log.failed(use.project(), use.endpoint(), requestId, received, elapsed / 1e9, status, use.role(),
                            use.model().version().modelName(), use.model().version().version());
                    throw failure instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(failure.getMessage(), failure);
                }
                timers.record(use, "OK", elapsed);
                log.answered(use.project(), use.endpoint(), requestId, received, elapsed / 1e9, answer, use.role());
                return InferenceResponses.encode(request, requestId, answer, use.model().signature());
            } finally {
                use.release();
            }
        }, RequestContextExecutor.current());
    }
}
