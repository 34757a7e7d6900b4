package dev.aiaas.security.quarkus;

import dev.aiaas.proto.common.v1.Access;
import dev.aiaas.security.AccessDenied;
import dev.aiaas.security.Admission;
import dev.aiaas.security.MethodAccess;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.errors.DomainException;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Admits every gRPC call through the {@link Gatekeeper} before anything else sees it, with the
 * access the method states ({@link MethodAccess}), and puts the admission (caller and project)
 * and the project ({@link ProjectScope}) on the call's context. Only the gRPC health service answers without a token, for probes.
 * Every call of a method that needs more than VIEWER goes to the {@link AuditTrail} with how it
 * ended, refusals included.
 */
@ApplicationScoped
@GlobalInterceptor
public class CallerAccess implements ServerInterceptor, Prioritized {

    /** The current call's admission (absent when security is off). */
    public static final Context.Key<Admission> ADMISSION = Context.key("aiaas-admission");

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> PROJECT = ProjectHeader.KEY;
    private static final Set<String> OPEN = Set.of("grpc.health.v1.Health");
    private static final Set<String> ANY_CALLER = Set.of("grpc.reflection.v1.ServerReflection",
            "grpc.reflection.v1alpha.ServerReflection");

    @Inject
    Gatekeeper gatekeeper;

    @Inject
    AuditTrail audit;

    /** The admission of the current gRPC call, if security is on. */
    public static Optional<Admission> current() {
        return Optional.ofNullable(ADMISSION.get());
    }

    /** Who makes the current gRPC call, to record as who changed something: empty with security off. */
    public static String subject() {
        return current().map(admission -> admission.caller().subject()).orElse("");
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        String service = call.getMethodDescriptor().getServiceName();
        if (OPEN.contains(service)) {
            return next.startCall(call, headers);
        }
        Access access = ANY_CALLER.contains(service) ? Access.VIEWER : MethodAccess.of(call.getMethodDescriptor());
        String method = call.getMethodDescriptor().getFullMethodName();
        Admission admission;
        try {
            admission = gatekeeper.admit(headers.get(AUTHORIZATION), headers.get(PROJECT), access,
                    call.getMethodDescriptor().getBareMethodName()).orElse(null);
        } catch (AccessDenied denied) {
            if (access != Access.VIEWER) {
                audit.refused(method, denied, headers.get(PROJECT));
            }
            call.close(denied.status(), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        Context context;
        try {
            context = Context.current().withValue(ProjectScope.PROJECT, ProjectScope.of(admission, headers.get(PROJECT)));
        } catch (DomainException badName) {
            call.close(Status.INVALID_ARGUMENT.withDescription(badName.getMessage()), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        if (admission != null) {
            context = context.withValue(ADMISSION, admission);
        }
        if (access == Access.VIEWER) {
            return Contexts.interceptCall(context, call, headers, next);
        }
        AuditTrail.Entry entry = audit.begin(method, admission, headers.get(PROJECT));
        ServerCall<Q, A> audited = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                audit.end(entry, status);
                super.close(status, trailers);
            }
        };
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
                Contexts.interceptCall(context, audited, headers, next)) {
            @Override
            public void onMessage(Q message) {
                entry.received(message);
                super.onMessage(message);
            }
        };
    }

    /** Before every other interceptor: nothing runs for a caller that is not admitted. */
    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }
}
