package dev.aiaas.monitoring.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard's overview shows of a project: its endpoints (serving's deployments and the
 * endpoints monitoring has counted traffic of) with their traffic split, and its registered models
 * with their versions' lineage, test metrics and aliases.
 */
public record OverviewView(String project, Section<Endpoint> endpoints, Section<Model> models) {

    /**
     * An endpoint.
     *
     * @param monitored  whether monitoring has counted traffic of it
     * @param deployment how serving serves it; null when serving has no deployment of that name
     *                   (or could not be asked)
     */
    public record Endpoint(String endpoint, boolean monitored, Deployment deployment) {
    }

    /**
     * A deployment's bindings and traffic split: the champion (the main binding) answers what the
     * challenger does not; the shadow gets copies.
     *
     * @param alias            the champion's alias; empty when bound to a fixed version
     * @param servingVersion   the champion's version answering now
     * @param challengerWeight percent of requests the challenger answers
     * @param shadowShare      percent of requests copied to the shadow
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deployment(String model, String alias, long version, long servingVersion, String state,
            String message, Binding challenger, int challengerWeight, Binding shadow, int shadowShare) {
    }

    /** A challenger or shadow binding: an alias or a fixed version, and the version loaded for it. */
    public record Binding(String alias, long version, long servingVersion, String state, String message) {
    }

    /** A registered model with its current aliases (name → version) and its newest versions. */
    public record Model(String name, String description, Map<String, Long> aliases, long latestVersion,
            List<Version> versions) {
    }

    /**
     * One version: where it came from, its test metrics (by name) and the aliases pointing at it.
     */
    public record Version(long version, String family, Instant createdAt, List<String> aliases,
            Map<String, Double> metrics, Lineage lineage) {
    }

    /** The data, preparation and job that made a version. */
    public record Lineage(String dataset, long datasetVersion, String pipeline, String trainingJobId,
            String codeVersion) {
    }
}
