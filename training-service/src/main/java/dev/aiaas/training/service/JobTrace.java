package dev.aiaas.training.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.events.TraceParent;
import dev.aiaas.training.storage.JobStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The span a worker trains a job in: a child of the SubmitJob call's span (its traceparent
 * is stored with the job), so the registration and everything after it join the trace of
 * the submit, whichever worker runs the job.
 */
@ApplicationScoped
public class JobTrace {

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    Tracer tracer;

    @Inject
    JobStore jobs;

    /** Starts the job's span (the caller ends it and makes it current while it trains). */
    public Span start(String project, String jobId) {
        Context parent = run(() -> jobs.traceparent(project, jobId))
                .map(traceparent -> W3CTraceContextPropagator.getInstance()
                        .extract(Context.root(), Map.of(TraceParent.HEADER, traceparent), GETTER))
                .orElse(Context.root());
        return tracer.spanBuilder("train " + jobId).setParent(parent).setAttribute("aiaas.job.id", jobId).startSpan();
    }
}
