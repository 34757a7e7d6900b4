package dev.aiaas.monitoring.dashboard;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Projects;
import dev.aiaas.proto.common.v1.Access;
import dev.aiaas.security.AccessDenied;
import dev.aiaas.security.Admission;
import dev.aiaas.security.quarkus.Gatekeeper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Admits every call of the dashboard's JSON API as monitoring's gRPC methods are admitted: a
 * bearer token with a role in the project (every route only reads, which a viewer may do), or 401
 * (with {@code WWW-Authenticate: Bearer}), 403 or 404, with an {@code {"error": "..."}} body. The
 * admitted project (or, with security off or for a service that named none, the
 * {@value Projects#HEADER} header, else {@value Projects#DEFAULT}) goes to {@link CallerProject};
 * a project name that breaks the name rule is 400.
 *
 * <p>Unlike serving's filter it runs after routes are matched, on purpose: the dashboard's page
 * (static files under {@code /dashboard/}) is public and must never meet it; the page sends the
 * token on each API call. The JSON API is the only JAX-RS resource of this service.
 */
@Provider
public class DashboardTokenFilter implements ContainerRequestFilter {

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
            Response.ResponseBuilder refusal = DashboardErrorMapper.error(DashboardErrorMapper.httpCode(denied.code()),
                    denied.getMessage());
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
            request.abortWith(DashboardErrorMapper.error(400, badName.getMessage()).build());
        }
    }
}
