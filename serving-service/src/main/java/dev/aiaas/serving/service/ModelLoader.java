package dev.aiaas.serving.service;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.ml.transform.LabelEncoding;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.models.LoadedModel;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.ModelSpecJson;
import dev.aiaas.models.recommend.LoadedRecommender;
import dev.aiaas.proto.training.v1.ModelFamily;
import dev.aiaas.serving.engine.EngineMessages;
import dev.aiaas.serving.engine.UploadedModel;
import dev.aiaas.serving.model.ArtifactFile;
import dev.aiaas.serving.model.ServedModel;
import dev.aiaas.serving.model.TensorSignature;
import dev.aiaas.serving.model.UploadedFormat;
import dev.aiaas.serving.model.VersionToServe;
import dev.aiaas.storage.ArtifactIntegrityException;
import dev.aiaas.storage.ArtifactNotFoundException;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.serving.config.ServingConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Loads a model version for serving: every artifact is read verified against the SHA-256
 * the registry recorded, the model's task is checked against its transform's, the network is
 * rebuilt from its spec, and one prediction of its task (probabilities for a classifier,
 * values for a regression model, a score for an anomaly detector) warms it up before it may
 * take traffic. A version of family {@code MATRIX_FACTORISATION} is a recommender: its
 * parameters, spec and training interactions are loaded together, and one ranking warms it up.
 * A version of family {@code TORCHSCRIPT} or {@code ONNX} was made elsewhere: its registered
 * signature must be one serving can serve ({@link TensorSignature}), its one file is loaded by its
 * format's engine, and a pass of zeros warms it up and checks the file answers what the signature
 * declares.
 */
@ApplicationScoped
public class ModelLoader {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);
    /** The name {@code LoadedRecommender.save} gives the parameters file. */
    private static final String RECOMMENDER_PARAMETERS = "recommender-0000.params";
    private static final String DEFAULT_ENGINE = "ai.djl.default_engine";

    @Inject
    ArtifactStore store;

    @Inject
    ServingConfig config;

    /**
     * Before any engine starts: every thread's PyTorch intra-op pool gets this size, and PyTorch
     * stays DJL's default engine (the one the platform's own models run on) now that ONNX Runtime
     * is on the class path too.
     */
    @PostConstruct
    void engineThreads() {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.engineThreads()));
        System.setProperty(DEFAULT_ENGINE, "PyTorch");
    }

    public ServedModel load(VersionToServe version) {
        long started = System.nanoTime();
        try {
            Optional<UploadedFormat> uploaded = UploadedFormat.of(version.family());
            ServedModel served = uploaded.isPresent() ? uploaded(version, uploaded.get())
                    : ModelFamily.MATRIX_FACTORISATION.name().equals(version.family())
                    ? recommender(version) : network(version);
            LOG.infof("loaded %s/%s v%d in %d ms", version.project(), version.modelName(), version.version(),
                    (System.nanoTime() - started) / 1_000_000);
            return served;
        } catch (ArtifactIntegrityException e) {
            throw DomainException.failedPrecondition(version.modelName() + " v" + version.version()
                    + " failed verification and was not loaded: " + e.getMessage());
        } catch (ArtifactNotFoundException e) {
            throw DomainException.failedPrecondition(version.modelName() + " v" + version.version()
                    + " names an artifact the store does not have: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw DomainException.failedPrecondition("could not load " + version.modelName() + " v"
                    + version.version() + ": " + e.getMessage());
        }
    }

    private ServedModel network(VersionToServe version) throws IOException {
        ModelSpec spec = ModelSpecJson.read(text(version, "model-spec"));
        FittedPipeline transform = FittedPipelineJson.read(text(version, "transform"));
        checkTasksAgree(version, spec, transform);
        checkWindowFits(version, spec, transform);
        checkThreshold(version, spec);
        LoadedModel model = LoadedModel.load(spec, new ByteArrayInputStream(bytes(version, "parameters")),
                Device.cpu());
        warmUp(model);
        return new ServedModel(version, model, transform, version.artifact("profile").orElse(null),
                model.parameterBytes());
    }

    /**
     * A recommender is loaded from a folder of the files training saved together: each verified
     * artifact is written there under the name it was saved with, and the folder is deleted once loaded.
     */
    private ServedModel recommender(VersionToServe version) throws IOException {
        Map<String, String> files = Map.of("parameters", RECOMMENDER_PARAMETERS,
                "model-spec", LoadedRecommender.SPEC_FILE, "interactions", LoadedRecommender.INTERACTIONS_FILE);
        Path folder = Files.createTempDirectory("aiaas-recommender-");
        LoadedRecommender recommender;
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.write(folder.resolve(file.getValue()), bytes(version, file.getKey()));
            }
            recommender = LoadedRecommender.load(folder, Device.cpu());
        } catch (IllegalArgumentException e) {
            throw DomainException.failedPrecondition(version.modelName() + " v" + version.version()
                    + " cannot be served: its recommender files do not fit one another (" + e.getMessage()
                    + "); register the version again with the parameters, spec and interactions training saved "
                    + "together");
        } finally {
            delete(folder);
        }
        try {
            recommender.topK(0, 1, true); // one ranking, so the first request pays no start-up cost
        } catch (RuntimeException e) {
            recommender.close();
            throw e;
        }
        // the engine's tables and the copy the recommender scores from, float32 each
        long bytes = 2L * Float.BYTES * recommender.spec().parameters();
        return new ServedModel(version, recommender, version.artifact("profile").orElse(null), bytes);
    }

    /**
     * A model made elsewhere: its signature is checked before a byte of the file is read, then the
     * verified file is written into a folder under the name its engine loads, loaded, and the
     * folder deleted; one pass of zeros warms it up and checks its outputs against the signature.
     */
    private ServedModel uploaded(VersionToServe version, UploadedFormat format) throws IOException {
        TensorSignature signature;
        try {
            signature = TensorSignature.servable(version.signature());
        } catch (IllegalArgumentException e) {
            throw cannotServe(version, e.getMessage() + "; " + TensorSignature.SERVED);
        }
        byte[] file = bytes(version, UploadedFormat.ARTIFACT_ROLE);
        Path folder = Files.createTempDirectory("aiaas-uploaded-");
        UploadedModel model;
        try {
            Files.write(folder.resolve(format.fileName()), file);
            model = UploadedModel.load(folder, format, signature, config.engineThreads());
        } catch (MalformedModelException | RuntimeException e) {
            // the engine names the temporary copy; the client knows the file by its format's name
            String said = EngineMessages.of(e).replace(folder.resolve(format.fileName()).toString(), format.fileName());
            throw cannotServe(version, format.engine() + " cannot load its " + format + " file: " + said
                    + "; upload a file " + format.engine() + " can load");
        } finally {
            delete(folder);
        }
        try {
            model.warmUp();
        } catch (IllegalArgumentException e) {
            model.close();
            throw cannotServe(version, e.getMessage() + "; upload it again with the signature of the file");
        }
        return new ServedModel(version, model, file.length);
    }

    private static DomainException cannotServe(VersionToServe version, String why) {
        return DomainException.failedPrecondition(version.modelName() + " v" + version.version()
                + " cannot be served: " + why);
    }

    /** Best effort: the model is loaded (or not) whether or not its copy on disk can be deleted. */
    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", folder, e.getMessage());
        }
    }

    /**
     * A model and its transform must learn the same thing: a regression model behind a transform
     * that encodes classes (or the reverse) would answer outputs that mean nothing.
     */
    private static void checkTasksAgree(VersionToServe version, ModelSpec spec, FittedPipeline transform) {
        LabelTask labels = transform.labelEncoding().map(LabelEncoding::task).orElse(spec.task());
        if (labels != spec.task()) {
            throw DomainException.failedPrecondition(version.modelName() + " v" + version.version()
                    + " cannot be served: its model predicts " + describe(spec.task()) + " but its transform "
                    + "encodes the label for " + describe(labels) + "; register the version again with the "
                    + "transform it was trained with");
        }
    }

    /**
     * A sequence model's transform turns a window of raw rows into [window, features]; its model
     * must take exactly that many values, or raw windows could not be served.
     */
    private static void checkWindowFits(VersionToServe version, ModelSpec spec, FittedPipeline transform) {
        transform.window().ifPresent(window -> {
            long values = (long) window.window() * transform.featureNames().size();
            if (values != spec.inputSize()) {
                throw DomainException.failedPrecondition(version.modelName() + " v" + version.version()
                        + " cannot be served: its transform makes windows of " + window.window() + " rows × "
                        + transform.featureNames().size() + " features but its model takes input "
                        + spec.inputShape() + "; register the version again with the transform it was trained with");
            }
        });
    }

    private static String describe(LabelTask task) {
        return switch (task) {
            case CLASSIFICATION -> "classes (classification)";
            case REGRESSION -> "numbers (regression)";
            case ANOMALY -> "anomalies (anomaly detection)";
            case RECOMMENDATION -> "items for users (recommendation)";
        };
    }

    /** An anomaly detector answers whether each row is an anomaly, which needs the threshold training fitted. */
    private static void checkThreshold(VersionToServe version, ModelSpec spec) {
        if (spec.task() == LabelTask.ANOMALY && spec.threshold() == null) {
            throw DomainException.failedPrecondition(version.modelName() + " v" + version.version()
                    + " cannot be served: it detects anomalies but its spec has no anomaly threshold; train it "
                    + "again with validation rows, which fit the threshold");
        }
    }

    /** One prediction of the kind the version will answer, so the first request pays no start-up cost. */
    private static void warmUp(LoadedModel model) {
        float[] row = new float[model.spec().inputSize()];
        try {
            switch (model.spec().task()) {
                case CLASSIFICATION -> model.predictProbabilities(row, 1);
                case REGRESSION -> model.predict(row, 1);
                case ANOMALY -> model.isAnomaly(model.anomalyScores(row, 1)[0]);
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private String text(VersionToServe version, String role) {
        return new String(bytes(version, role), StandardCharsets.UTF_8);
    }

    private byte[] bytes(VersionToServe version, String role) {
        ArtifactFile file = version.artifact(role).orElseThrow(() -> DomainException.failedPrecondition(
                version.modelName() + " v" + version.version() + " has no '" + role + "' artifact: it cannot be served"));
        return store.readAllVerified(file.key(), file.sha256());
    }
}
