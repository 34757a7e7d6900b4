package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchQueue;
import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Names;
import dev.aiaas.serving.client.RegistryClient;
import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.model.DesiredDeployment;
import dev.aiaas.serving.model.ServedModel;
import dev.aiaas.serving.model.VersionToServe;
import dev.aiaas.serving.storage.DeploymentStore;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The endpoints this replica serves, kept equal to the desired state in PostgreSQL. Deploying
 * resolves the binding in the registry, loads and verifies the version beside the one serving
 * (or shares a copy another endpoint loaded), swaps once it is warm, and only then stores the
 * declaration; a failed load keeps the old version serving and says why. Changes to one
 * endpoint — deploy, undeploy, reconcile — are serialised.
 */
@ApplicationScoped
public class Deployments {

    private static final Logger LOG = Logger.getLogger(Deployments.class);

    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile boolean reconciledOnce;
    private volatile boolean stopping;

    @Inject
    RegistryClient registry;

    @Inject
    ModelCache models;

    @Inject
    DeploymentStore store;

    private final int engineThreads;

    @Inject
    Deployments(ServingConfig config) {
        this.engineThreads = config.engineThreads();
    }

    public DeploymentView deploy(DesiredDeployment desired) {
        Names.require("endpoint name", desired.endpoint());
        if (!desired.binding().followsAlias() && desired.binding().version() < 1) {
            throw DomainException.invalid("name an alias or a version (>= 1) of model " + desired.binding().modelName());
        }
        return locked(desired.endpoint(), () -> {
            Endpoint endpoint = endpoints.get(desired.endpoint());
            boolean created = endpoint == null;
            if (created) {
                endpoint = new Endpoint(desired, engineThreads);
            }
            try {
                apply(endpoint, desired);
            } catch (RuntimeException e) {
                if (created) {
                    endpoint.retire();
                }
                throw e;
            }
            endpoints.put(desired.endpoint(), endpoint);
            store.save(desired);
            return DeploymentView.of(endpoint);
        });
    }

    public void undeploy(String endpointName) {
        locked(endpointName, () -> {
            boolean declared = store.delete(endpointName);
            Endpoint endpoint = endpoints.remove(endpointName);
            if (endpoint == null && !declared) {
                throw notDeployed(endpointName);
            }
            if (endpoint != null) {
                retire(endpoint);
            }
            return null;
        });
    }

    /**
     * Brings this replica to the stored desired state: loads what is declared and missing or
     * bound elsewhere now, re-resolves every alias in the registry, retires what is no longer
     * declared. Each endpoint's declaration is read again under its lock, so a pass never acts
     * on a list that a Deploy or Undeploy made meanwhile has outdated. A failure is kept on its
     * endpoint (the old version keeps serving) and retried on the next pass.
     */
    public void reconcile() {
        if (stopping) {
            return; // a pass that starts while the server stops would load what close just retired
        }
        Set<String> names = new TreeSet<>(endpoints.keySet());
        store.all().forEach(d -> names.add(d.endpoint()));
        names.forEach(this::refresh);
        reconciledOnce = true;
    }

    /** Re-resolves every endpoint that follows {@code model@alias} (the alias moved or went away). */
    public void aliasChanged(String model, String alias) {
        for (Endpoint endpoint : endpoints.values()) {
            var binding = endpoint.desired.binding();
            if (binding.followsAlias() && binding.modelName().equals(model) && binding.alias().equals(alias)) {
                refresh(endpoint.name);
            }
        }
    }

    /** Makes one endpoint what the database declares now: served, re-resolved, or retired. */
    private void refresh(String name) {
        locked(name, () -> {
            if (stopping) {
                return null;
            }
            Optional<DesiredDeployment> declared = store.find(name);
            if (declared.isEmpty()) {
                Endpoint gone = endpoints.remove(name);
                if (gone != null) {
                    retire(gone);
                    LOG.infof("endpoint %s was undeployed elsewhere: no longer served here", name);
                }
                return null;
            }
            DesiredDeployment deployment = declared.get();
            Endpoint endpoint = endpoints.computeIfAbsent(name, n -> new Endpoint(deployment, engineThreads));
            try {
                apply(endpoint, deployment);
            } catch (RuntimeException e) {
                endpoint.failed = true;
                endpoint.message = (endpoint.current() == null ? "not serving: " : "kept serving "
                        + endpoint.current() + ": ") + e.getMessage();
                LOG.warnf("endpoint %s: %s", endpoint.name, endpoint.message);
            }
            return null;
        });
    }

    /** Makes {@code endpoint} serve what {@code desired} names, with its batching. */
    private void apply(Endpoint endpoint, DesiredDeployment desired) {
        VersionToServe target = registry.resolve(desired.binding());
        ServedModel serving = endpoint.current();
        if (serving == null || !serving.version().modelName().equals(target.modelName())
                || serving.version().version() != target.version()) {
            ServedModel next = models.take(target);
            ServedModel previous = endpoint.swap(next);
            if (previous != null) {
                models.give(previous);
            }
            LOG.infof("endpoint %s now serves %s v%d", endpoint.name, target.modelName(), target.version());
        }
        if (!endpoint.queue.policy().equals(desired.batching())) {
            BatchQueue<ForwardPass.Rows, float[]> old = endpoint.queue;
            endpoint.queue = new BatchQueue<>(endpoint.name, desired.batching(), new ForwardPass(engineThreads));
            QueueDrain.closeWhenEmpty(old);
        }
        endpoint.desired = desired;
        endpoint.failed = false;
        endpoint.message = "";
    }

    public DeploymentView get(String endpointName) {
        return DeploymentView.of(find(endpointName));
    }

    public List<DeploymentView> all() {
        return endpoints.values().stream().map(DeploymentView::of)
                .sorted(Comparator.comparing(DeploymentView::endpoint)).toList();
    }

    /** True once the declared endpoints were loaded at start and every one of them serves a version. */
    public boolean ready() {
        return reconciledOnce && endpoints.values().stream().allMatch(e -> e.current() != null);
    }

    /** Endpoints declared but not serving any version, for readiness reports. */
    public List<String> notServing() {
        return endpoints.values().stream().filter(e -> e.current() == null).map(e -> e.name + ": " + e.message)
                .sorted().toList();
    }

    /**
     * The endpoint, with a use of its serving version taken (release it when done). A
     * requested version other than the one serving is NOT_FOUND.
     */
    public EndpointUse acquire(String endpointName, String version) {
        if (endpointName == null || endpointName.isBlank()) {
            throw DomainException.invalid("model name is empty: name the endpoint to call");
        }
        Endpoint endpoint = find(endpointName);
        ServedModel model = endpoint.acquire();
        if (model == null) {
            throw DomainException.unavailable("model '" + endpointName + "' is not loaded yet: " + endpoint.message, null);
        }
        if (version != null && !version.isBlank() && !version.equals(Long.toString(model.version().version()))) {
            model.release();
            throw DomainException.notFound("model '" + endpointName + "' serves version " + model.version().version()
                    + ", not " + version);
        }
        return new EndpointUse(endpointName, model, endpoint.queue);
    }

    /**
     * Batching figures of one endpoint ({@code name}) or of all (empty name), for the serving
     * version; a {@code version} other than the one serving is NOT_FOUND.
     */
    public List<EndpointStatistics> statistics(String name, String version) {
        List<Endpoint> chosen = name == null || name.isBlank()
                ? endpoints.values().stream().sorted(Comparator.comparing(e -> e.name)).toList()
                : List.of(find(name));
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

    private void retire(Endpoint endpoint) {
        ServedModel last = endpoint.retire();
        if (last != null) {
            models.give(last);
        }
    }

    private Endpoint find(String endpointName) {
        Endpoint endpoint = endpointName == null ? null : endpoints.get(endpointName);
        if (endpoint == null) {
            throw notDeployed(endpointName);
        }
        return endpoint;
    }

    private <T> T locked(String endpointName, java.util.function.Supplier<T> change) {
        ReentrantLock lock = locks.computeIfAbsent(endpointName, n -> new ReentrantLock());
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    private static DomainException notDeployed(String endpointName) {
        return DomainException.notFound("model '" + endpointName
                + "' is not deployed on this server: deploy it with DeploymentService.Deploy");
    }

    void close(@Observes ShutdownEvent event) {
        stopping = true;
        endpoints.values().forEach(this::retire);
    }
}
