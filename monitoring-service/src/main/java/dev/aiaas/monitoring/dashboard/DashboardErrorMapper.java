package dev.aiaas.monitoring.dashboard;

import dev.aiaas.errors.StatusMapping;
import io.grpc.Status;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * The dashboard API's errors, mapped once: a domain failure becomes the HTTP code of its gRPC
 * status ({@link StatusMapping}, as gRPC clients would see it) with {@code {"error": "..."}} and
 * the message a gRPC client would read; anything unexpected is 500 with an error id the server
 * logged.
 */
@Provider
public class DashboardErrorMapper implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException failure) {
        if (failure instanceof WebApplicationException web) {
            int code = web.getResponse().getStatus();
            return error(code, web.getMessage() == null ? "HTTP " + code : web.getMessage()).build();
        }
        Status status = StatusMapping.toStatus(failure);
        return error(httpCode(status.getCode()), String.valueOf(status.getDescription())).build();
    }

    static Response.ResponseBuilder error(int code, String message) {
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
