package dev.aiaas.registry.service;

import dev.aiaas.errors.Names;
import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.registry.config.RegistryConfig;
import dev.aiaas.registry.messaging.RegistryEvents;
import dev.aiaas.registry.model.AliasChange;
import dev.aiaas.registry.model.ArtifactEntry;
import dev.aiaas.registry.model.Lineage;
import dev.aiaas.registry.model.ModelVersion;
import dev.aiaas.registry.model.NewModelVersion;
import dev.aiaas.registry.model.RegisteredModel;
import dev.aiaas.registry.storage.AliasStore;
import dev.aiaas.registry.storage.ModelStore;
import dev.aiaas.registry.storage.VersionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registry's rules: names, immutable numbered versions, aliases that move with a
 * history, and an event for every change, each in one transaction.
 *
 * <p>Every operation acts within one project, named by its caller: a model name is unique
 * within its project, and a model of another project is unknown here, answered with the same
 * NOT_FOUND as a name no project uses (a different answer would tell that it exists).
 */
@ApplicationScoped
public class ModelRegistry {

    /** A SHA-256 as the registry records it: 64 lower-case hex digits. */
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Inject
    ModelStore models;

    @Inject
    VersionStore versions;

    @Inject
    AliasStore aliases;

    @Inject
    RegistryEvents events;

    @Inject
    RegistryConfig config;

    /** Creates the model in {@code project} unless it exists there; returns it either way. */
    @Transactional
    public RegisteredModel createModel(String project, String name, String description, Map<String, String> tags) {
        Names.require("model name", name);
        return run(() -> {
            if (models.insertIfMissing(project, name, description, tags)) {
                events.modelCreated(project, name);
            }
            return models.find(project, name).orElseThrow();
        });
    }

    public RegisteredModel getModel(String project, String name) {
        return run(() -> models.find(project, name)).orElseThrow(() -> unknownModel(name));
    }

    /** The models of {@code project} only, by name. */
    public List<RegisteredModel> listModels(String project) {
        return run(() -> models.list(project, config.listLimit()));
    }

    /**
     * Registers a new version. Idempotent per training job: a version whose lineage names a
     * training job that already registered one of this model returns that version unchanged,
     * so a trainer may retry a registration whose answer it lost.
     */
    @Transactional
    public ModelVersion createVersion(String project, NewModelVersion spec) {
        Names.require("model name", spec.modelName());
        validate(spec);
        NewModelVersion stamped = withCodeVersion(spec);
        String model = spec.modelName();
        return run(() -> {
            if (models.insertIfMissing(project, model, "", Map.of())) {
                events.modelCreated(project, model);
            }
            String job = spec.lineage().trainingJobId();
            if (!job.isEmpty()) {
                models.lock(project, model);
                Optional<ModelVersion> earlier = versions.findByTrainingJob(project, model, job);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            long version = models.nextVersion(project, model);
            versions.insert(project, stamped, version);
            events.versionCreated(project, model, version);
            return versions.find(project, model, version).orElseThrow();
        });
    }

    public ModelVersion getVersion(String project, String model, long version) {
        return run(() -> versions.find(project, model, version)).orElseThrow(() -> {
            getModel(project, model);
            return DomainException.notFound("model " + model + " has no version " + version);
        });
    }

    public ModelVersion getVersionByAlias(String project, String model, String alias) {
        long version = run(() -> aliases.find(project, model, alias)).orElseThrow(() -> {
            getModel(project, model);
            return DomainException.notFound("model " + model + " has no alias '" + alias + "'");
        });
        return getVersion(project, model, version);
    }

    public List<ModelVersion> listVersions(String project, String model) {
        getModel(project, model);
        return run(() -> versions.list(project, model, config.listLimit()));
    }

    /**
     * Creates or moves an alias; returns the version it pointed at before (0 when new).
     *
     * @param movedBy who moves it, for the alias history (empty when nobody was authenticated)
     */
    @Transactional
    public long setAlias(String project, String model, String alias, long version, String movedBy) {
        Names.requireAlias(alias);
        getVersion(project, model, version);
        return run(() -> {
            long previous = aliases.findForUpdate(project, model, alias).orElse(0L);
            if (previous != version) {
                aliases.move(project, model, alias, version, previous, movedBy);
                events.aliasSet(project, model, alias, version, previous);
            }
            return previous;
        });
    }

    /** Deletes an alias; {@code movedBy} as for {@link #setAlias}. */
    @Transactional
    public void deleteAlias(String project, String model, String alias, String movedBy) {
        getModel(project, model);
        run(() -> {
            long previous = aliases.findForUpdate(project, model, alias).orElseThrow(
                    () -> DomainException.notFound("model " + model + " has no alias '" + alias + "'"));
            aliases.delete(project, model, alias, previous, movedBy);
            events.aliasDeleted(project, model, alias, previous);
            return null;
        });
    }

    public List<AliasChange> aliasHistory(String project, String model, String alias) {
        getModel(project, model);
        return run(() -> aliases.history(project, model, alias == null ? "" : alias, config.listLimit()));
    }

    @Transactional
    public ModelVersion setTag(String project, String model, long version, String key, String value) {
        if (key == null || key.isBlank()) {
            throw DomainException.invalid("tag key is empty: name the tag to set");
        }
        getVersion(project, model, version);
        return run(() -> {
            versions.setTag(project, model, version, key, value);
            events.tagSet(project, model, version, key, value);
            return versions.find(project, model, version).orElseThrow();
        });
    }

    private static void validate(NewModelVersion spec) {
        if (spec.family() == null || spec.family().isBlank()) {
            throw DomainException.invalid("model version of " + spec.modelName() + " has no family: say what kind of model it is (MLP, CNN, …)");
        }
        for (ArtifactEntry artifact : spec.artifacts()) {
            if (artifact.role().isBlank() || artifact.key().isBlank()) {
                throw DomainException.invalid("an artifact needs a role and an object key");
            }
            if (!SHA256.matcher(artifact.sha256()).matches()) {
                throw DomainException.invalid("artifact " + artifact.key() + " has no valid SHA-256 (64 lower-case hex digits)");
            }
        }
        long roles = spec.artifacts().stream().map(ArtifactEntry::role).distinct().count();
        if (roles != spec.artifacts().size()) {
            throw DomainException.invalid("two artifacts share a role: each role (parameters, transform, …) appears once");
        }
    }

    private NewModelVersion withCodeVersion(NewModelVersion spec) {
        Lineage lineage = spec.lineage();
        if (!lineage.codeVersion().isBlank()) {
            return spec;
        }
        Lineage stamped = new Lineage(lineage.dataset(), lineage.datasetVersion(), lineage.pipeline(),
                lineage.trainingJobId(), config.codeVersion());
        return new NewModelVersion(spec.modelName(), spec.family(), spec.description(), spec.tags(),
                spec.signatureJson(), spec.metrics(), stamped, spec.artifacts());
    }

    private static DomainException unknownModel(String name) {
        return DomainException.notFound("no registered model named '" + name + "'");
    }
}
