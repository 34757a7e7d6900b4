package dev.aiaas.serving.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.serving.client.RegistryClient;
import dev.aiaas.serving.model.Binding;
import dev.aiaas.serving.model.ServedModel;
import dev.aiaas.serving.model.VersionToServe;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The endpoints this server serves. Deploying resolves the binding in the registry, loads
 * and verifies the version beside the one serving, and swaps only once it is warm; if the
 * load fails, the old version keeps serving and the failure is reported.
 */
@ApplicationScoped
public class Deployments {

    private static final Logger LOG = Logger.getLogger(Deployments.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    @Inject
    RegistryClient registry;

    @Inject
    ModelLoader loader;

    public DeploymentView deploy(String endpointName, Binding binding) {
        if (endpointName == null || !NAME.matcher(endpointName).matches()) {
            throw DomainException.invalid("endpoint name '" + endpointName + "' is not valid: 1-63 lower-case letters, digits, '.', '_' or '-'");
        }
        if (!binding.followsAlias() && binding.version() < 1) {
            throw DomainException.invalid("name an alias or a version (>= 1) of model " + binding.modelName());
        }
        Endpoint endpoint = endpoints.computeIfAbsent(endpointName, name -> new Endpoint(name, binding));
        synchronized (endpoint) {
            endpoint.binding = binding;
            try {
                refresh(endpoint);
            } catch (RuntimeException e) {
                if (endpoint.current() == null) {
                    endpoints.remove(endpointName);
                }
                throw e;
            }
            return view(endpoint);
        }
    }

    /** Reloads every endpoint that follows {@code model@alias} (after the alias moved). */
    public void aliasMoved(String model, String alias) {
        for (Endpoint endpoint : endpoints.values()) {
            Binding binding = endpoint.binding;
            if (binding.followsAlias() && binding.modelName().equals(model) && binding.alias().equals(alias)) {
                synchronized (endpoint) {
                    try {
                        refresh(endpoint);
                    } catch (RuntimeException e) {
                        endpoint.message = "kept the serving version: " + e.getMessage();
                        LOG.warnf("endpoint %s: %s", endpoint.name, endpoint.message);
                    }
                }
            }
        }
    }

    public void undeploy(String endpointName) {
        Endpoint endpoint = endpoints.remove(endpointName);
        if (endpoint == null) {
            throw notDeployed(endpointName);
        }
        endpoint.retire();
    }

    public DeploymentView get(String endpointName) {
        return view(find(endpointName));
    }

    public List<DeploymentView> all() {
        return endpoints.values().stream().map(Deployments::view)
                .sorted(Comparator.comparing(DeploymentView::endpoint)).toList();
    }

    /**
     * A use of the endpoint's serving model (release it when done). A requested version
     * other than the one serving is NOT_FOUND.
     */
    public ServedModel acquire(String endpointName, String version) {
        if (endpointName == null || endpointName.isBlank()) {
            throw DomainException.invalid("model name is empty: name the endpoint to call");
        }
        ServedModel model = find(endpointName).acquire();
        if (model == null) {
            throw notDeployed(endpointName);
        }
        if (version != null && !version.isBlank() && !version.equals(Long.toString(model.version().version()))) {
            model.release();
            throw DomainException.notFound("model '" + endpointName + "' serves version " + model.version().version()
                    + ", not " + version);
        }
        return model;
    }

    private void refresh(Endpoint endpoint) {
        VersionToServe target = registry.resolve(endpoint.binding);
        ServedModel serving = endpoint.current();
        if (serving != null && serving.version().modelName().equals(target.modelName())
                && serving.version().version() == target.version()) {
            return;
        }
        endpoint.swap(loader.load(target));
        endpoint.message = "";
        LOG.infof("endpoint %s now serves %s v%d", endpoint.name, target.modelName(), target.version());
    }

    private Endpoint find(String endpointName) {
        Endpoint endpoint = endpoints.get(endpointName);
        if (endpoint == null) {
            throw notDeployed(endpointName);
        }
        return endpoint;
    }

    private static DeploymentView view(Endpoint endpoint) {
        ServedModel serving = endpoint.current();
        return new DeploymentView(endpoint.name, endpoint.binding, serving == null ? 0 : serving.version().version(),
                serving == null ? "LOADING" : "READY", endpoint.message, endpoint.updatedAt);
    }

    private static DomainException notDeployed(String endpointName) {
        return DomainException.notFound("model '" + endpointName
                + "' is not deployed on this server: deploy it with DeploymentService.Deploy");
    }

    void close(@Observes ShutdownEvent event) {
        endpoints.values().forEach(Endpoint::retire);
    }
}
