package dev.aiaas.serving.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * Carries each call's deadline (the client's {@code grpc-timeout}) to the service, so that a
 * request still queued when its client has given up is dropped before compute. The server
 * transport does not always put it on the call's {@link Context}; this reads the header
 * itself when it does not.
 */
@ApplicationScoped
@GlobalInterceptor
public class ClientDeadlines implements ServerInterceptor {

    /** The call's deadline as a {@link System#nanoTime()} value. */
    static final Context.Key<Long> DEADLINE_NANOS = Context.key("aiaas-deadline-nanos");
    private static final Metadata.Key<String> TIMEOUT = Metadata.Key.of("grpc-timeout",
            Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        Long deadline = deadlineNanos(Context.current().getDeadline(), headers.get(TIMEOUT));
        if (deadline == null) {
            return next.startCall(call, headers);
        }
        return Contexts.interceptCall(Context.current().withValue(DEADLINE_NANOS, deadline), call, headers, next);
    }

    /** The deadline of the call in the current context, or null when its client set none. */
    static Long current() {
        return DEADLINE_NANOS.get();
    }

    static Long deadlineNanos(Deadline deadline, String timeout) {
        long now = System.nanoTime();
        if (deadline != null) {
            return now + deadline.timeRemaining(TimeUnit.NANOSECONDS);
        }
        if (timeout == null || timeout.length() < 2) {
            return null;
        }
        long amount;
        try {
            amount = Long.parseLong(timeout.substring(0, timeout.length() - 1));
        } catch (NumberFormatException e) {
            return null;
        }
        TimeUnit unit = switch (timeout.charAt(timeout.length() - 1)) {
            case 'H' -> TimeUnit.HOURS;
            case 'M' -> TimeUnit.MINUTES;
            case 'S' -> TimeUnit.SECONDS;
            case 'm' -> TimeUnit.MILLISECONDS;
            case 'u' -> TimeUnit.MICROSECONDS;
            case 'n' -> TimeUnit.NANOSECONDS;
            default -> null;
        };
        return unit == null ? null : now + unit.toNanos(amount);
    }
}
