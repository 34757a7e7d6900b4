package dev.aiaas.security.quarkus;

import dev.aiaas.proto.common.v1.Access;
import dev.aiaas.security.AccessDenied;
import dev.aiaas.security.Caller;
import dev.aiaas.security.MethodAccess;
import dev.aiaas.security.Projects;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Admits every gRPC call through the {@link Gatekeeper} before anything else sees it, with the
 * access the method states ({@link MethodAccess}), and puts the caller on the call's context.
 * Only the gRPC health service answers without a token, for probes.
 */
@ApplicationScoped
@GlobalInterceptor
public class CallerAccess implements ServerInterceptor, Prioritized {

    /** The admitted caller of the current call (absent when security is off). */
    public static final Context.Key<Caller> CALLER = Context.key("aiaas-caller");

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> PROJECT = Metadata.Key.of(Projects.HEADER, Metadata.ASCII_STRING_MARSHALLER);
    private static final Set<String> OPEN = Set.of("grpc.health.v1.Health");
    private static final Set<String> ANY_CALLER = Set.of("grpc.reflection.v1.ServerReflection",
            "grpc.reflection.v1alpha.ServerReflection");

    @Inject
    Gatekeeper gatekeeper;

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        String service = call.getMethodDescriptor().getServiceName();
        if (OPEN.contains(service)) {
            return next.startCall(call, headers);
        }
        Access access = ANY_CALLER.contains(service) ? Access.VIEWER : MethodAccess.of(call.getMethodDescriptor());
        try {
            Caller caller = gatekeeper.admit(headers.get(AUTHORIZATION), headers.get(PROJECT), access,
                    call.getMethodDescriptor().getBareMethodName()).orElse(null);
            if (caller == null) {
                return next.startCall(call, headers);
            }
            return Contexts.interceptCall(Context.current().withValue(CALLER, caller), call, headers, next);
        } catch (AccessDenied denied) {
            call.close(denied.status(), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
    }

    /** Before every other interceptor: nothing runs for a caller that is not admitted. */
    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }
}
