package dev.aiaas.serving.rest;

import dev.aiaas.proto.common.v1.Access;
import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Projects;
import dev.aiaas.security.AccessDenied;
import dev.aiaas.security.Admission;
import dev.aiaas.security.quarkus.Gatekeeper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;

/**
 * Admits every REST call of the Open Inference Protocol as its gRPC twin is admitted: a bearer
 * token with a role in the project, or 401 (with {@code WWW-Authenticate: Bearer}), 403 or
 * 404, with the protocol's {@code {"error": "..."}} body. The admitted project (or, with
 * security off or for a service that named none, the {@value Projects#HEADER} header, else
 * {@value Projects#DEFAULT}) goes to {@link CallerProject} for the resource; a project name
 * that breaks the name rule is 400. Every route reads or predicts, which a viewer may do. It
 * runs before routes are matched, so no route, present or future, is reachable without a token.
 * Probes use {@code /q/health} on the management interface (its own port) instead.
 */
@Provider
@PreMatching
public class BearerTokenFilter implements ContainerRequestFilter {

    @Inject
    Gatekeeper gatekeeper;

    @Inject
    CallerProject project;

    @Override
    public void filter(ContainerRequestContext request) {
        String named = request.getHeaderString(Projects.HEADER);
        Optional<Admission> admission;
        try {
            admission = gatekeeper.admit(request.getHeaderString(HttpHeaders.AUTHORIZATION), named, Access.VIEWER,
                    request.getMethod() + " /" + request.getUriInfo().getPath().replaceFirst("^/", ""));
        } catch (AccessDenied denied) {
            Response.ResponseBuilder refusal = refusal(RestErrorMapper.httpCode(denied.code()), denied.getMessage());
            if (denied.code() == io.grpc.Status.Code.UNAUTHENTICATED) {
                refusal.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            request.abortWith(refusal.build());
            return;
        }
        try {
            project.set(admission.map(Admission::project).filter(p -> !p.isBlank())
                    .orElseGet(() -> Projects.orDefault(named)));
        } catch (DomainException badName) {
            request.abortWith(refusal(400, badName.getMessage()).build());
        }
    }

    private static Response.ResponseBuilder refusal(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message));
    }
}
