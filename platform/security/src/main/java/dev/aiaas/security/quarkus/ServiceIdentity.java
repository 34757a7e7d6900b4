package dev.aiaas.security.quarkus;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Presents this service's own token on every call it makes to another service (the registry,
 * for training and serving), so that the callee knows a platform service is calling, and names
 * the project it calls for ({@link ProjectScope#current()}), so that it is answered from that
 * project only.
 */
@ApplicationScoped
@GlobalInterceptor
public class ServiceIdentity implements ClientInterceptor {

    @Inject
    Gatekeeper gatekeeper;

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        Optional<String> token = gatekeeper.serviceToken();
        String project = ProjectScope.current();
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> listener, Metadata headers) {
                token.ifPresent(own -> headers.put(CallerAccess.AUTHORIZATION, "Bearer " + own));
                if (!headers.containsKey(CallerAccess.PROJECT)) {
                    headers.put(CallerAccess.PROJECT, project);
                }
                super.start(listener, headers);
            }
        };
    }
}
