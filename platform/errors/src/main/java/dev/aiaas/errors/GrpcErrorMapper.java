package dev.aiaas.errors;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place where a service's exceptions become gRPC statuses, for blocking and
 * Mutiny service implementations alike. Every service that depends on this library
 * gets it as its {@link ExceptionHandlerProvider} bean.
 */
@ApplicationScoped
public class GrpcErrorMapper implements ExceptionHandlerProvider {

    @Override
    public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(
            ServerCall.Listener<ReqT> listener, ServerCall<ReqT, RespT> call, Metadata metadata) {
        return new ExceptionHandler<>(listener, call, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<ReqT, RespT> serverCall, Metadata trailers) {
                serverCall.close(StatusMapping.toStatus(failure), trailers);
            }
        };
    }

    @Override
    public Throwable transform(Throwable failure) {
        return StatusMapping.toStatus(failure).asRuntimeException();
    }
}
