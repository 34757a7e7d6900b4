package dev.aiaas.serving.rest;

import dev.aiaas.errors.StatusMapping;
import dev.aiaas.serving.service.QueueFull;
import io.grpc.Status;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * REST errors follow the same mapping as gRPC ({@link StatusMapping}), translated to the HTTP
 * codes Triton uses (400, 404, 429 with Retry-After, 503, 504), always with the protocol's
 * {@code {"error": "..."}} body — the framework's own refusals (unknown path, wrong method,
 * body over the limit) included.
 */
@Provider
public class RestErrorMapper implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof WebApplicationException web) {
            int code = web.getResponse().getStatus();
            return error(code, web.getMessage() == null ? "HTTP " + code : web.getMessage()).build();
        }
        Status status = StatusMapping.toStatus(cause);
        Response.ResponseBuilder response = error(httpCode(status.getCode()), String.valueOf(status.getDescription()));
        if (cause instanceof QueueFull full) {
            response.header("Retry-After", Math.max(1, (full.retryAfter().toMillis() + 999) / 1000));
        }
        return response.build();
    }

    private static Response.ResponseBuilder error(int code, String message) {
        return Response.status(code).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message));
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
