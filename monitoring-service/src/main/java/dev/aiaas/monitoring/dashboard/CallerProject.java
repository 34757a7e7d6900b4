package dev.aiaas.monitoring.dashboard;

import dev.aiaas.errors.Projects;
import jakarta.enterprise.context.RequestScoped;

/**
 * The project a dashboard API call was admitted for, carried from {@link DashboardTokenFilter} to
 * {@link DashboardResource}: REST does not pass through the gRPC interceptor that sets
 * {@code ProjectScope} for gRPC calls, so the filter puts the project here and the resource hands
 * it explicitly to the service layer (and to {@code ProjectScope.within} for calls to peers).
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
