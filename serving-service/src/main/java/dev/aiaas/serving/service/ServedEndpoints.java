package dev.aiaas.serving.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.serving.model.EndpointKey;
import dev.aiaas.serving.model.Role;
import dev.aiaas.serving.model.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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
     * {@code project}'s endpoint, with a use of its champion's version taken (release it when
     * done); a requested version is the champion's or the challenger's, else NOT_FOUND.
     */
    public EndpointUse acquire(String project, String endpointName, String version) {
        return acquire(project, endpointName, version, null);
    }

    /**
     * {@code project}'s endpoint, with a use taken of the version that answers a request with
     * {@code routingKey} ({@link Router}): the challenger for its weight's share of keys while it
     * serves, else the champion. A requested version is answered by the champion or challenger
     * serving it (NOT_FOUND when neither does). A null key routes to the champion and copies
     * nothing.
     */
    public EndpointUse acquire(String project, String endpointName, String version, String routingKey) {
        if (endpointName == null || endpointName.isBlank()) {
            throw DomainException.invalid("model name is empty: name the endpoint to call");
        }
        Endpoint endpoint = find(project, endpointName);
        Router.Route route = routingKey == null ? Router.Route.CHAMPION_ONLY
                : Router.route(endpoint.desired.traffic(), routingKey);
        if (version != null && !version.isBlank()) {
            return pinned(endpoint, version, route.mirrored());
        }
        if (route.answering() == Role.CHALLENGER) {
            EndpointUse use = use(endpoint, endpoint.lane(Role.CHALLENGER), route.mirrored());
            if (use != null) {
                return use; // a challenger not loaded (yet, or any more) leaves its share to the champion
            }
        }
        EndpointUse use = use(endpoint, endpoint.champion(), route.mirrored());
        if (use == null) {
            throw DomainException.unavailable("model '" + endpointName + "' is not loaded yet: " + endpoint.message(),
                    null);
        }
        return use;
    }

    /**
     * A use of {@code project}'s endpoint's shadow version, for a copy of a request; null when
     * the endpoint (any more) has no shadow serving.
     */
    EndpointUse acquireShadow(String project, String endpointName) {
        Endpoint endpoint = endpoints.get(new EndpointKey(project, endpointName));
        return endpoint == null ? null : use(endpoint, endpoint.lane(Role.SHADOW), false);
    }

    /** The champion or challenger serving {@code version}; NOT_FOUND naming what is served when neither does. */
    private EndpointUse pinned(Endpoint endpoint, String version, boolean mirrored) {
        List<Long> serving = new ArrayList<>(2);
        for (Role role : List.of(Role.CHAMPION, Role.CHALLENGER)) {
            EndpointUse use = use(endpoint, endpoint.lane(role), mirrored);
            if (use == null) {
                continue;
            }
            long served = use.model().version().version();
            if (version.equals(Long.toString(served))) {
                return use;
            }
            use.release();
            serving.add(served);
        }
        if (serving.isEmpty()) {
            throw DomainException.unavailable("model '" + endpoint.name + "' is not loaded yet: " + endpoint.message(),
                    null);
        }
        throw DomainException.notFound("model '" + endpoint.name + "' serves version "
                + serving.stream().map(String::valueOf).collect(Collectors.joining(" and ")) + ", not " + version);
    }

    /** A use of {@code lane}'s version; null when there is no lane or it serves none. */
    private static EndpointUse use(Endpoint endpoint, VersionLane lane, boolean mirrored) {
        ServedModel model = lane == null ? null : lane.acquire();
        return model == null ? null
                : new EndpointUse(endpoint.project, endpoint.name, model, lane.queue, lane.role, mirrored);
    }

    /**
     * Batching figures of one endpoint of {@code project} ({@code name}) or of all of its
     * endpoints (empty name): one entry per version answering its clients — the champion, and the
     * challenger while it serves (each has its own queue) — or only the one serving
     * {@code version}, NOT_FOUND when none does. A shadow answers no client: its copies are
     * counted by the request timer and the prediction log under role "shadow" instead.
     */
    public List<EndpointStatistics> statistics(String project, String name, String version) {
        List<Endpoint> chosen = name == null || name.isBlank() ? inProject(project).toList()
                : List.of(find(project, name));
        List<EndpointStatistics> figures = new ArrayList<>();
        for (Endpoint endpoint : chosen) {
            List<EndpointStatistics> own = new ArrayList<>();
            for (VersionLane lane : endpoint.lanes()) {
                if (lane.role == Role.SHADOW) {
                    continue;
                }
                ServedModel serving = lane.current();
                long servingVersion = serving == null ? 0 : serving.version().version();
                if (lane.role == Role.CHAMPION || serving != null) {
                    own.add(new EndpointStatistics(endpoint.name, servingVersion, lane.role,
                            lane.queue.statistics().snapshot()));
                }
            }
            if (version != null && !version.isBlank()) {
                List<EndpointStatistics> matching = own.stream()
                        .filter(s -> version.equals(Long.toString(s.version()))).toList();
                if (matching.isEmpty()) {
                    throw DomainException.notFound("model '" + endpoint.name + "' serves version "
                            + own.stream().map(s -> Long.toString(s.version())).distinct()
                                    .collect(Collectors.joining(" and ")) + ", not " + version);
                }
                own = matching;
            }
            figures.addAll(own);
        }
        return figures;
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

    /** Whether every endpoint, of every project, serves a version (its champion: it answers when the others cannot). */
    boolean allServing() {
        return endpoints.values().stream().allMatch(e -> e.current() != null);
    }

    /** Endpoints (project/name) declared but not serving any version, and why, for readiness reports. */
    public List<String> notServing() {
        return endpoints.values().stream().filter(e -> e.current() == null).map(e -> e.key + ": " + e.message())
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
