package dev.aiaas.serving.rest;

import dev.aiaas.errors.Projects;
import jakarta.enterprise.context.RequestScoped;

/**
 * The project a REST call was admitted for, carried from {@link BearerTokenFilter} to the
 * resource: REST does not pass through the gRPC interceptor that sets
 * {@code ProjectScope} for gRPC calls, so the filter puts the project here and the resource
 * hands it explicitly to the service layer.
 */
@RequestScoped
public class CallerProject {

    private String project = Projects.DEFAULT;

    /** The call's project; {@link Projects#DEFAULT} until the filter has set it. */
    public String get() {
        return project;
    }

    void set(String project) {
        this.project = project;
    }
}
