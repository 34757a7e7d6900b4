package dev.aiaas.security.quarkus;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.proto.events.v1.CallAudited;
import dev.aiaas.proto.events.v1.EventHeader;
import dev.aiaas.security.AccessDenied;
import dev.aiaas.security.Admission;
import io.grpc.Status;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Records every state-changing call on {@code aiaas.audit} (a {@link CallAudited} each): who,
 * the project, the method, the request (its protobuf JSON, at most {@value #MAX_REQUEST_CHARS}
 * characters), and how it ended. Sending never holds up the call: the channel's emitter
 * buffers, and a record it cannot send is logged with what it was.
 */
@ApplicationScoped
public class AuditTrail {

    static final int MAX_REQUEST_CHARS = 2048;
    /** A message larger than this is described by its size, not printed (an upload's records). */
    private static final int MAX_PRINTED_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

    @Inject
    @Channel("audit")
    @OnOverflow(OnOverflow.Strategy.BUFFER)
    Emitter<byte[]> emitter;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** One call on its way: what it asked, filled in as its messages arrive. */
    public static final class Entry {
        private final CallAudited.Builder event;
        private String first = "";
        private long messages;

        private Entry(CallAudited.Builder event) {
            this.event = event;
        }

        synchronized void received(Object message) {
            if (messages++ == 0) {
                first = describe(message);
            }
        }

        synchronized String request() {
            return messages <= 1 ? first : first + " (and " + (messages - 1) + " more messages)";
        }
    }

    Entry begin(String method, Admission admission, String namedProject) {
        CallAudited.Builder event = CallAudited.newBuilder().setService(service).setMethod(method)
                .setTraceId(traceId());
        if (admission != null) {
            event.setPrincipal(admission.caller().subject()).setPrincipalIsService(admission.caller().service())
                    .setProject(admission.project());
        } else {
            event.setProject(namedProject == null ? "" : namedProject);
        }
        return new Entry(event);
    }

    void end(Entry entry, Status status) {
        send(entry.event.setRequest(cut(entry.request())).setOutcome(status.getCode().name())
                .setOutcomeMessage(status.getDescription() == null ? "" : status.getDescription()));
    }

    void refused(String method, AccessDenied denied, String namedProject) {
        send(CallAudited.newBuilder().setService(service).setMethod(method).setTraceId(traceId())
                .setPrincipal(denied.subject()).setProject(namedProject == null ? "" : namedProject)
                .setOutcome(denied.code().name()).setOutcomeMessage(denied.getMessage()));
    }

    private void send(CallAudited.Builder event) {
        Instant now = Instant.now();
        CallAudited audited = event.setHeader(EventHeader.newBuilder().setEventId(UUID.randomUUID().toString())
                .setSource(service).setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond())
                        .setNanos(now.getNano()))).build();
        try {
            emitter.send(audited.toByteArray()).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.warnf("an audit record was not sent (%s): %s", failure.getMessage(), printed(audited));
                }
            });
        } catch (RuntimeException full) {
            LOG.warnf("an audit record was not sent (%s): %s", full.getMessage(), printed(audited));
        }
    }

    private static String describe(Object message) {
        if (message instanceof Message proto) {
            int size = proto.getSerializedSize();
            return size > MAX_PRINTED_BYTES ? "(a " + proto.getDescriptorForType().getName() + " of " + size + " bytes)"
                    : printed(proto);
        }
        return String.valueOf(message);
    }

    private static String printed(Message message) {
        try {
            return JSON.print(message);
        } catch (InvalidProtocolBufferException e) {
            return "(" + message.getDescriptorForType().getName() + ", not printable: " + e.getMessage() + ")";
        }
    }

    private static String cut(String request) {
        return request.length() <= MAX_REQUEST_CHARS ? request : request.substring(0, MAX_REQUEST_CHARS - 1) + "…";
    }

    private static String traceId() {
        String id = Span.current().getSpanContext().getTraceId();
        return Span.current().getSpanContext().isValid() ? id : "";
    }
}
