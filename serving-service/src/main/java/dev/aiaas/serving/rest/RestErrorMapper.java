package dev.aiaas.serving.rest;

import dev.aiaas.errors.StatusMapping;
import io.grpc.Status;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * REST errors follow the same mapping as gRPC ({@link StatusMapping}), translated to HTTP
 * codes, with the protocol's {@code {"error": "..."}} body.
 */
@Provider
public class RestErrorMapper implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException failure) {
        if (failure instanceof WebApplicationException web) {
            return web.getResponse(); // the framework's own answer (unknown path, wrong method, …)
        }
        Status status = StatusMapping.toStatus(failure);
        return Response.status(httpCode(status.getCode()))
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", String.valueOf(status.getDescription())))
                .build();
    }

    static int httpCode(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, ABORTED -> 409;
            case RESOURCE_EXHAUSTED -> 429;
            case UNAVAILABLE -> 503;
            case DEADLINE_EXCEEDED -> 504;
            default -> 500;
        };
    }
}
