package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchQueue;
import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Names;
import dev.aiaas.serving.client.RegistryClient;
import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.model.DesiredDeployment;
import dev.aiaas.serving.model.EndpointKey;
import dev.aiaas.serving.model.ServedModel;
import dev.aiaas.serving.model.VersionToServe;
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
 * the desired state in PostgreSQL. An endpoint is named within its project: every change names
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

    /** Declares (or changes) an endpoint of {@code desired.project()}, bound to a model of that project. */
    public DeploymentView deploy(DesiredDeployment desired) {
        Names.require("endpoint name", desired.endpoint());
        if (!desired.binding().followsAlias() && desired.binding().version() < 1) {
            throw DomainException.invalid("name an alias or a version (>= 1) of model " + desired.binding().modelName());
        }
        return locked(desired.key(), () -> {
            Endpoint endpoint = endpoints.at(desired.key());
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
            endpoints.put(endpoint);
            store.save(desired);
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
                retire(endpoint);
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
     * Re-resolves every endpoint of {@code project} that follows {@code model@alias} (the alias
     * moved or went away); another project's model of the same name is another model.
     */
    public void aliasChanged(String project, String model, String alias) {
        for (Endpoint endpoint : endpoints.each()) {
            var binding = endpoint.desired.binding();
            if (endpoint.project.equals(project) && binding.followsAlias() && binding.modelName().equals(model)
                    && binding.alias().equals(alias)) {
                refresh(endpoint.key);
            }
        }
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
                    retire(gone);
                    LOG.infof("endpoint %s was undeployed elsewhere: no longer served here", key);
                }
                return null;
            }
            DesiredDeployment deployment = declared.get();
            Endpoint endpoint = endpoints.getOrCreate(key, () -> new Endpoint(deployment, engineThreads));
            try {
                apply(endpoint, deployment);
            } catch (RuntimeException e) {
                endpoint.failed = true;
                endpoint.message = (endpoint.current() == null ? "not serving: " : "kept serving "
                        + endpoint.current() + ": ") + e.getMessage();
                LOG.warnf("endpoint %s: %s", key, endpoint.message);
            }
            return null;
        });
    }

    /** Makes {@code endpoint} serve what {@code desired} names in its project, with its batching. */
    private void apply(Endpoint endpoint, DesiredDeployment desired) {
        VersionToServe target = registry.resolve(desired.project(), desired.binding());
        ServedModel serving = endpoint.current();
        if (serving == null || !serving.version().sameAs(target)) {
            ServedModel next = models.take(target);
            ServedModel previous = endpoint.swap(next);
            if (previous != null) {
                models.give(previous);
            }
            LOG.infof("endpoint %s now serves %s v%d", endpoint.key, target.modelName(), target.version());
        }
        if (!endpoint.queue.policy().equals(desired.batching())) {
            BatchQueue<ModelWork, ModelWork.Answer> old = endpoint.queue;
            endpoint.queue = new BatchQueue<>(endpoint.name, desired.batching(), new ForwardPass(engineThreads));
            QueueDrain.closeWhenEmpty(old);
        }
        endpoint.desired = desired;
        endpoint.failed = false;
        endpoint.message = "";
    }

    private void retire(Endpoint endpoint) {
        ServedModel last = endpoint.retire();
        if (last != null) {
            models.give(last);
        }
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
        endpoints.each().forEach(this::retire);
    }
}
