package dev.aiaas.monitoring.dashboard;

import dev.aiaas.errors.DomainException;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.AlertState;
import dev.aiaas.monitoring.service.AlertBook;
import dev.aiaas.monitoring.service.DriftHistory;
import dev.aiaas.monitoring.service.QualityReports;
import dev.aiaas.monitoring.service.ReportRange;
import dev.aiaas.monitoring.service.RetrainingPolicies;
import dev.aiaas.monitoring.service.TrafficRecorder;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's JSON API: each route reads what the gRPC API's method of the same concern reads
 * (the same service classes), for the project the call was admitted for ({@link CallerProject}).
 * Time series take {@code minutes} (the range, ending now; default 60) and {@code window} (seconds;
 * default 60). An endpoint monitoring has seen no prediction of is 404 with the reason.
 */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    CallerProject project;

    @Inject
    Overview overview;

    @Inject
    TrafficRecorder traffic;

    @Inject
    QualityReports quality;

    @Inject
    DriftHistory drift;

    @Inject
    AlertBook alerts;

    @Inject
    RetrainingPolicies retraining;

    @Inject
    MonitoringConfig config;

    /** The project's endpoints with their traffic split, and its models; a peer away is said per section. */
    @GET
    @Path("overview")
    public OverviewView overview() {
        return overview.of(project.get());
    }

    /** Latency, throughput and errors of what clients got, and of each version in each role. */
    @GET
    @Path("endpoints/{endpoint}/traffic")
    public TrafficView traffic(@PathParam("endpoint") String endpoint, @QueryParam("minutes") String minutes,
            @QueryParam("window") String window) {
        DashboardRange range = DashboardRange.of(minutes, window);
        return TrafficView.of(traffic.summary(project.get(), endpoint, range.width(), range.from(), range.to()),
                range.width(),
                traffic.versionWindows(project.get(), endpoint, range.width(), range.from(), range.to()));
    }

    /** Accuracy (or MSE) per version and role over time, and each shadow against the served answers. */
    @GET
    @Path("endpoints/{endpoint}/quality")
    public QualityView quality(@PathParam("endpoint") String endpoint, @QueryParam("minutes") String minutes,
            @QueryParam("window") String window) {
        DashboardRange range = DashboardRange.of(minutes, window);
        return QualityView.of(quality.report(project.get(), endpoint, range.width(), range.from(), range.to()),
                range.width());
    }

    /** Drift per feature over time: the snapshots taken in the range. */
    @GET
    @Path("endpoints/{endpoint}/drift")
    public DriftView drift(@PathParam("endpoint") String endpoint, @QueryParam("minutes") String minutes,
            @QueryParam("window") String window) {
        DashboardRange asked = DashboardRange.of(minutes, window);
        ReportRange range = ReportRange.of(config, asked.width(), asked.from(), asked.to());
        return DriftView.of(endpoint, range.start(), range.end(), drift.of(project.get(), endpoint, range));
    }

    /**
     * The project's alerts, newest first: of one endpoint or all, FIRING or RESOLVED or both, at
     * most {@code limit} (default 100, at most 1,000).
     */
    @GET
    @Path("alerts")
    public List<AlertView> alerts(@QueryParam("endpoint") String endpoint, @QueryParam("state") String state,
            @QueryParam("limit") String limit) {
        return alerts.list(project.get(), endpoint, state(state), limit(limit)).stream().map(AlertView::of).toList();
    }

    /** The retraining loop's decisions, newest first: of one endpoint or all, at most {@code limit} (default 100). */
    @GET
    @Path("decisions")
    public List<DecisionView> decisions(@QueryParam("endpoint") String endpoint, @QueryParam("limit") String limit) {
        return retraining.decisions(project.get(), endpoint, null, limit(limit)).stream().map(DecisionView::of)
                .toList();
    }

    private static AlertState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return switch (state.trim().toUpperCase(Locale.ROOT)) {
            case "FIRING" -> AlertState.FIRING;
            case "RESOLVED" -> AlertState.RESOLVED;
            default -> throw DomainException.invalid("state must be firing or resolved, not '" + state + "'");
        };
    }

    /** 0 (the service's default) when none is given. */
    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("limit must be a whole number, not '" + limit + "'");
        }
    }
}
