package dev.aiaas.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;

/** The W3C {@code traceparent} of the span current on this thread, for work that continues elsewhere. */
public final class TraceParent {

    /** The Kafka header (and HTTP header) name the W3C trace context propagator reads. */
    public static final String HEADER = "traceparent";

    private TraceParent() {
    }

    /** {@code 00-<trace id>-<span id>-<flags>}, or empty when no span is current (tracing off). */
    public static Optional<String> current() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex());
    }
}
