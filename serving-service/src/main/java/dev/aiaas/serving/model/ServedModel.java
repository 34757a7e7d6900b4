package dev.aiaas.serving.model;

import dev.aiaas.ml.sequence.WindowSpec;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.models.LoadedModel;
import dev.aiaas.models.recommend.LoadedRecommender;
import dev.aiaas.serving.engine.UploadedModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded, verified and warmed-up model version, shared by every endpoint bound to that
 * version: a network ({@link LoadedModel}) with its fitted transform, a recommender
 * ({@link LoadedRecommender}), which needs no transform (its signature's task says which), or a
 * model uploaded from elsewhere ({@link UploadedModel}; its signature says
 * {@link ModelSignature#uploaded()}). Each holder (an endpoint, a request in flight)
 * {@link #acquire() acquires} it and
 * {@link #release() releases} it when done; the parameters are freed when the last one lets go,
 * so a swap never fails a request in flight.
 */
public final class ServedModel {

    private final VersionToServe version;
    private final LoadedModel model;
    private final FittedPipeline transform;
    private final LoadedRecommender recommender;
    private final UploadedModel uploaded;
    private final ArtifactFile profile;
    private final ModelSignature signature;
    private final long memoryBytes;
    private final AtomicInteger users = new AtomicInteger(1); // 1 = held by whoever loaded it

    /** A network and the transform it was trained behind. */
    public ServedModel(VersionToServe version, LoadedModel model, FittedPipeline transform, ArtifactFile profile,
            long memoryBytes) {
        this.version = version;
        this.model = model;
        this.transform = transform;
        this.recommender = null;
        this.uploaded = null;
        this.profile = profile;
        this.memoryBytes = memoryBytes;
        // an anomaly detector computes a reconstruction per row but answers one score
        int answered = model.spec().task() == LabelTask.ANOMALY ? 1 : model.spec().outputs();
        this.signature = new ModelSignature(model.spec().inputShape(), transform.inputColumns(),
                transform.classLabels(), answered, model.spec().task(),
                transform.window().map(WindowSpec::window).orElse(0));
    }

    /** A recommender: it takes user ids and ranks its items, so it has no transform and no model-ready input. */
    public ServedModel(VersionToServe version, LoadedRecommender recommender, ArtifactFile profile, long memoryBytes) {
        this.version = version;
        this.model = null;
        this.transform = null;
        this.recommender = recommender;
        this.uploaded = null;
        this.profile = profile;
        this.memoryBytes = memoryBytes;
        this.signature = new ModelSignature(List.of(), List.of(), List.of(), recommender.itemCount(),
                LabelTask.RECOMMENDATION);
    }

    /**
     * A model uploaded from elsewhere: it takes and answers the tensors its registered signature
     * names, with no transform and no baseline profile.
     *
     * @param memoryBytes the model file's size, an honest estimate of its parameters' bytes
     */
    public ServedModel(VersionToServe version, UploadedModel uploaded, long memoryBytes) {
        this.version = version;
        this.model = null;
        this.transform = null;
        this.recommender = null;
        this.uploaded = uploaded;
        this.profile = null;
        this.memoryBytes = memoryBytes;
        this.signature = ModelSignature.uploaded(uploaded.signature());
    }

    /** Takes a use of the model; false when it was closed meanwhile. */
    public boolean acquire() {
        while (true) {
            int current = users.get();
            if (current == 0) {
                return false;
            }
            if (users.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Gives a use back; the last one closes the model. */
    public void release() {
        if (users.decrementAndGet() == 0) {
            if (model != null) {
                model.close();
            } else if (recommender != null) {
                recommender.close();
            } else {
                uploaded.close();
            }
        }
    }

    public VersionToServe version() {
        return version;
    }

    /** The network; a recommender has none. */
    public LoadedModel model() {
        return require(model, "network");
    }

    /** The network's fitted transform; a recommender has none. */
    public FittedPipeline transform() {
        return require(transform, "transform");
    }

    /** The recommender, when this version is one. */
    public LoadedRecommender recommender() {
        return require(recommender, "recommender");
    }

    /** The uploaded model, when this version is one. */
    public UploadedModel uploaded() {
        return require(uploaded, "uploaded model");
    }

    public ModelSignature signature() {
        return signature;
    }

    /**
     * Bytes of the parameters this version holds, measured after loading: a network's in the
     * engine; a recommender's tables in the engine and the copy it scores from; an uploaded
     * model's file size.
     */
    public long memoryBytes() {
        return memoryBytes;
    }

    /** The baseline profile artifact, or null when the version has none. */
    public ArtifactFile profile() {
        return profile;
    }

    private <T> T require(T part, String what) {
        if (part == null) {
            // a caller that checked the signature's task never gets here
            throw new IllegalStateException(this + " (task " + signature.task() + ") has no " + what);
        }
        return part;
    }

    @Override
    public String toString() {
        return version.modelName() + " v" + version.version();
    }
}
