package dev.aiaas.serving.service;

import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.model.Binding;
import dev.aiaas.serving.model.DesiredDeployment;
import dev.aiaas.serving.model.EndpointKey;
import dev.aiaas.serving.model.Role;
import dev.aiaas.serving.model.TrafficSplit;
import dev.aiaas.serving.storage.DeploymentStore;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps the endpoints this replica serves ({@link ServedEndpoints}), of every project, equal to
 * the desired state in PostgreSQL: each endpoint's champion, challenger and shadow bindings and
 * how its traffic is shared between them ({@link LaneLoader} loads and swaps the versions). An endpoint is named within its project: every change names
 * the project, and an endpoint of another project is answered exactly as a missing one.
 * Deploying resolves the binding in the project's registry, loads and verifies the version
 * beside the one serving (or shares a copy another endpoint of the project loaded), swaps once
 * it is warm, and only then stores the declaration; a failed load keeps the old version serving
 * and says why. Changes to one endpoint — deploy, undeploy, reconcile — are serialised.
 */
@ApplicationScoped
public class Deployments {

    private static final Logger LOG = Logger.getLogger(Deployments.class);

    private final Map<EndpointKey, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile boolean reconciledOnce;
    private volatile boolean stopping;

    @Inject
    ServedEndpoints endpoints;

    @Inject
    LaneLoader lanes;

    @Inject
    DeploymentStore store;

    private final int engineThreads;

    @Inject
    Deployments(ServingConfig config) {
        this.engineThreads = config.engineThreads();
    }

    /**
     * Declares (or changes) an endpoint of {@code desired.project()}, bound to a model of that
     * project: its champion, and its challenger and shadow when declared, all loaded before any
     * is swapped in (a failure changes nothing).
     */
    public DeploymentView deploy(DesiredDeployment desired) {
        desired.validate();
        return locked(desired.key(), () -> {
            Endpoint endpoint = endpoints.at(desired.key());
            boolean created = endpoint == null;
            if (created) {
                endpoint = new Endpoint(desired, engineThreads);
            }
            try {
                lanes.applyAll(endpoint, desired);
            } catch (RuntimeException e) {
                if (created) {
                    lanes.retireAll(endpoint);
                }
                throw e;
            }
            endpoints.put(endpoint);
            store.save(desired);
            return DeploymentView.of(endpoint);
        });
    }

    /**
     * Changes how {@code project}'s endpoint shares its traffic, loading nothing: stored first
     * (every replica's next pass applies it), then applied here at once. NOT_FOUND when the
     * project has no such endpoint.
     */
    public DeploymentView setTraffic(String project, String endpointName, TrafficSplit split) {
        EndpointKey key = new EndpointKey(project, endpointName);
        return locked(key, () -> {
            DesiredDeployment declared = store.find(project, endpointName)
                    .orElseThrow(() -> ServedEndpoints.notDeployed(endpointName));
            DesiredDeployment changed = declared.withTraffic(split);
            store.saveTraffic(project, endpointName, split); // the weights only: a binding is Deploy's
            Endpoint endpoint = endpoints.at(key);
            if (endpoint == null) { // declared on another replica, not loaded here yet: load it as a pass would
                endpoint = endpoints.getOrCreate(key, () -> new Endpoint(changed, engineThreads));
                lanes.applyEach(endpoint, changed);
            } else {
                endpoint.desired = changed;
            }
            LOG.infof("endpoint %s: challenger weight %d%%, shadow share %d%%", key, split.challengerWeight(),
                    split.shadowShare());
            return DeploymentView.of(endpoint);
        });
    }

    /** Removes {@code project}'s endpoint; NOT_FOUND when that project has none of the name. */
    public void undeploy(String project, String endpointName) {
        EndpointKey key = new EndpointKey(project, endpointName);
        locked(key, () -> {
            boolean declared = store.delete(project, endpointName);
            Endpoint endpoint = endpoints.remove(key);
            if (endpoint == null && !declared) {
                throw ServedEndpoints.notDeployed(endpointName);
            }
            if (endpoint != null) {
                lanes.retireAll(endpoint);
            }
            return null;
        });
    }

    /**
     * Brings this replica to the stored desired state of every project: loads what is declared
     * and missing or bound elsewhere now, re-resolves every alias in its project's registry,
     * retires what is no longer declared. Each endpoint's declaration is read again under its
     * lock, so a pass never acts on a list that a Deploy or Undeploy made meanwhile has
     * outdated. A failure is kept on its endpoint (the old version keeps serving) and retried on
     * the next pass.
     */
    public void reconcile() {
        if (stopping) {
            return; // a pass that starts while the server stops would load what close just retired
        }
        Set<EndpointKey> keys = new TreeSet<>();
        endpoints.each().forEach(e -> keys.add(e.key));
        store.all().forEach(d -> keys.add(d.key()));
        keys.forEach(this::refresh);
        reconciledOnce = true;
    }

    /**
     * Re-resolves every endpoint of {@code project} with a role (champion, challenger or shadow)
     * that follows {@code model@alias} (the alias moved or went away); another project's model of
     * the same name is another model.
     */
    public void aliasChanged(String project, String model, String alias) {
        for (Endpoint endpoint : endpoints.each()) {
            if (endpoint.project.equals(project) && follows(endpoint.desired, model, alias)) {
                refresh(endpoint.key);
            }
        }
    }

    private static boolean follows(DesiredDeployment desired, String model, String alias) {
        for (Role role : Role.values()) {
            Binding binding = desired.binding(role);
            if (binding != null && binding.followsAlias() && binding.modelName().equals(model)
                    && binding.alias().equals(alias)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True once the declared endpoints were loaded at start and every one of them, of every
     * project, serves a version: readiness is the server's, not a project's.
     */
    public boolean ready() {
        return reconciledOnce && endpoints.allServing();
    }

    /** Makes one endpoint what the database declares now: served, re-resolved, or retired. */
    private void refresh(EndpointKey key) {
        locked(key, () -> {
            if (stopping) {
                return null;
            }
            Optional<DesiredDeployment> declared = store.find(key.project(), key.endpoint());
            if (declared.isEmpty()) {
                Endpoint gone = endpoints.remove(key);
                if (gone != null) {
                    lanes.retireAll(gone);
                    LOG.infof("endpoint %s was undeployed elsewhere: no longer served here", key);
                }
                return null;
            }
            DesiredDeployment deployment = declared.get();
            Endpoint endpoint = endpoints.getOrCreate(key, () -> new Endpoint(deployment, engineThreads));
            lanes.applyEach(endpoint, deployment);
            return null;
        });
    }

    private <T> T locked(EndpointKey key, Supplier<T> change) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    void close(@Observes ShutdownEvent event) {
        stopping = true;
        endpoints.each().forEach(lanes::retireAll);
    }
}
