package dev.aiaas.serving.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.serving.model.EndpointKey;
import dev.aiaas.serving.model.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The endpoints this replica serves now, of every project, keyed by project and name: what a
 * request reads (a use of an endpoint's serving version, its statistics, its view).
 * {@link Deployments} alone changes them. Every read names the project, and an endpoint of
 * another project is NOT_FOUND with the very message of one never deployed, so a caller learns
 * nothing of other projects' endpoints.
 */
@ApplicationScoped
public class ServedEndpoints {

    private final Map<EndpointKey, Endpoint> endpoints = new ConcurrentHashMap<>();

    /**
     * {@code project}'s endpoint, with a use of its serving version taken (release it when
     * done). A requested version other than the one serving is NOT_FOUND.
     */
    public EndpointUse acquire(String project, String endpointName, String version) {
        if (endpointName == null || endpointName.isBlank()) {
            throw DomainException.invalid("model name is empty: name the endpoint to call");
        }
        Endpoint endpoint = find(project, endpointName);
        ServedModel model = endpoint.acquire();
        if (model == null) {
            throw DomainException.unavailable("model '" + endpointName + "' is not loaded yet: " + endpoint.message, null);
        }
        if (version != null && !version.isBlank() && !version.equals(Long.toString(model.version().version()))) {
            model.release();
            throw DomainException.notFound("model '" + endpointName + "' serves version " + model.version().version()
                    + ", not " + version);
        }
        return new EndpointUse(project, endpointName, model, endpoint.queue);
    }

    /**
     * Batching figures of one endpoint of {@code project} ({@code name}) or of all of its
     * endpoints (empty name), for the serving version; a {@code version} other than the one
     * serving is NOT_FOUND.
     */
    public List<EndpointStatistics> statistics(String project, String name, String version) {
        List<Endpoint> chosen = name == null || name.isBlank() ? inProject(project).toList()
                : List.of(find(project, name));
        return chosen.stream().map(endpoint -> {
            ServedModel serving = endpoint.current();
            long servingVersion = serving == null ? 0 : serving.version().version();
            if (version != null && !version.isBlank() && !version.equals(Long.toString(servingVersion))) {
                throw DomainException.notFound("model '" + endpoint.name + "' serves version " + servingVersion
                        + ", not " + version);
            }
            return new EndpointStatistics(endpoint.name, servingVersion, endpoint.queue.statistics().snapshot());
        }).toList();
    }

    /** {@code project}'s endpoint; NOT_FOUND when that project has none of the name. */
    public DeploymentView get(String project, String endpointName) {
        return DeploymentView.of(find(project, endpointName));
    }

    /** {@code project}'s endpoints, by name; never another project's. */
    public List<DeploymentView> all(String project) {
        return inProject(project).map(DeploymentView::of).toList();
    }

    /** How many endpoints this replica serves, over every project. */
    public int count() {
        return endpoints.size();
    }

    /** Whether every endpoint, of every project, serves a version. */
    boolean allServing() {
        return endpoints.values().stream().allMatch(e -> e.current() != null);
    }

    /** Endpoints (project/name) declared but not serving any version, and why, for readiness reports. */
    public List<String> notServing() {
        return endpoints.values().stream().filter(e -> e.current() == null).map(e -> e.key + ": " + e.message)
                .sorted().toList();
    }

    /** {@code project}'s endpoint; another project's of the same name is as missing as one never deployed. */
    Endpoint find(String project, String endpointName) {
        Endpoint endpoint = endpointName == null ? null : endpoints.get(new EndpointKey(project, endpointName));
        if (endpoint == null) {
            throw notDeployed(endpointName);
        }
        return endpoint;
    }

    Endpoint at(EndpointKey key) {
        return endpoints.get(key);
    }

    Endpoint getOrCreate(EndpointKey key, java.util.function.Supplier<Endpoint> created) {
        return endpoints.computeIfAbsent(key, k -> created.get());
    }

    void put(Endpoint endpoint) {
        endpoints.put(endpoint.key, endpoint);
    }

    Endpoint remove(EndpointKey key) {
        return endpoints.remove(key);
    }

    Collection<Endpoint> each() {
        return endpoints.values();
    }

    /** The same NOT_FOUND for an endpoint missing everywhere and for one that only another project has. */
    static DomainException notDeployed(String endpointName) {
        return DomainException.notFound("model '" + endpointName
                + "' is not deployed on this server: deploy it with DeploymentService.Deploy");
    }

    private Stream<Endpoint> inProject(String project) {
        return endpoints.values().stream().filter(e -> e.project.equals(project))
                .sorted(Comparator.comparing(e -> e.name));
    }
}
