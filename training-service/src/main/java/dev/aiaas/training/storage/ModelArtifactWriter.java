package dev.aiaas.training.storage;

import dev.aiaas.models.LoadedModel;
import dev.aiaas.models.ModelSpecJson;
import dev.aiaas.models.recommend.LoadedRecommender;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.StoredArtifact;
import dev.aiaas.training.model.PreparedData;
import dev.aiaas.training.model.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stores a trained model under {@link ObjectKeys#modelArtifacts}: the parameters, the spec to
 * rebuild its Block, and copies of the prepared dataset's transform and profile, so that
 * serving and monitoring need nothing but the model's own folder. Keys are never reused:
 * a job id names one training run. The folder lies under the job's project.
 */
@ApplicationScoped
public class ModelArtifactWriter {

    private static final String JSON = "application/json";

    @Inject
    ArtifactStore store;

    /** Uploads the model's four artifacts and returns them with their SHA-256, in role order. */
    public List<StoredFile> write(String project, String modelName, String jobId, LoadedModel model, PreparedData data,
            Path folder) {
        String prefix = ObjectKeys.modelArtifacts(project, modelName, jobId);
        Path params;
        try {
            params = model.saveParameters(folder.resolve("parameters"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the trained parameters under " + folder, e);
        }
        StoredArtifact parameters = store.put(prefix + ObjectKeys.MODEL_PARAMETERS, params);
        StoredArtifact spec = store.put(prefix + ObjectKeys.MODEL_SPEC,
                ModelSpecJson.write(model.spec()).getBytes(StandardCharsets.UTF_8), JSON);
        return List.of(file("parameters", parameters), file("model-spec", spec),
                copy("transform", data.transform(), prefix + ObjectKeys.TRANSFORM),
                copy("profile", data.profile(), prefix + ObjectKeys.PROFILE));
    }

    /**
     * Uploads a recommender's three files as {@code parameters}, {@code model-spec} and
     * {@code interactions} (what {@link LoadedRecommender#load} reads back, under the names it
     * saved them with), and a copy of the profile of the raw events.
     */
    public List<StoredFile> writeRecommender(String project, String modelName, String jobId,
            LoadedRecommender recommender, PreparedData data, Path folder) {
        String prefix = ObjectKeys.modelArtifacts(project, modelName, jobId);
        Path saved = folder.resolve("recommender");
        List<Path> files;
        try {
            recommender.save(saved);
            try (Stream<Path> listed = Files.list(saved)) {
                files = listed.toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the trained recommender under " + saved, e);
        }
        List<StoredFile> stored = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            stored.add(file(recommenderRole(name), store.put(prefix + name, file)));
        }
        stored.sort(Comparator.comparing(StoredFile::role));
        stored.add(copy("profile", data.profile(), prefix + ObjectKeys.PROFILE));
        return stored;
    }

    private static String recommenderRole(String fileName) {
        if (fileName.equals(LoadedRecommender.SPEC_FILE)) {
            return "model-spec";
        }
        if (fileName.equals(LoadedRecommender.INTERACTIONS_FILE)) {
            return "interactions";
        }
        if (fileName.endsWith(".params")) {
            return "parameters";
        }
        throw new IllegalStateException("a saved recommender holds an unexpected file " + fileName);
    }

    private StoredFile copy(String role, StoredFile source, String key) {
        byte[] content = store.readAllVerified(source.key(), source.sha256());
        return file(role, store.put(key, content, JSON));
    }

    private static StoredFile file(String role, StoredArtifact stored) {
        return new StoredFile(role, stored.key(), stored.sha256(), stored.size());
    }
}
