package dev.aiaas.serving.service;

import dev.aiaas.errors.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoints this server has loaded. A name the repository does not know is an
 * endpoint nobody deployed, and every protocol call on it answers NOT_FOUND.
 */
@ApplicationScoped
public class ModelRepository {

    private final Map<String, LoadedModel> models = new ConcurrentHashMap<>();

    /** What a loaded endpoint answers with. */
    public record LoadedModel(String name, String version, String state) {
    }

    public List<LoadedModel> all() {
        return models.values().stream().sorted(java.util.Comparator.comparing(LoadedModel::name)).toList();
    }

    public Optional<LoadedModel> find(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /** The endpoint, or NOT_FOUND with what to do about it. */
    public LoadedModel require(String name, String version) {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("model name is empty: name the endpoint to call");
        }
        LoadedModel model = find(name).orElseThrow(() -> DomainException.notFound(
                "model '" + name + "' is not deployed on this server: deploy it with DeploymentService.Deploy"));
        if (version != null && !version.isBlank() && !version.equals(model.version())) {
            throw DomainException.notFound("model '" + name + "' serves version " + model.version() + ", not " + version);
        }
        return model;
    }
}
