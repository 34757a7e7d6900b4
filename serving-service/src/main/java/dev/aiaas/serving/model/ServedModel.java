package dev.aiaas.serving.model;

import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.models.LoadedModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded, verified and warmed-up model version with its fitted transform. Requests
 * {@link #acquire()} it for the length of their prediction; once {@link #retire() retired}
 * (replaced by a newer version) it closes when the last request releases it, so a swap
 * never fails a request in flight.
 */
public final class ServedModel {

    private final VersionToServe version;
    private final LoadedModel model;
    private final FittedPipeline transform;
    private final ArtifactFile profile;
    private final AtomicInteger users = new AtomicInteger(1); // 1 = held by its deployment

    public ServedModel(VersionToServe version, LoadedModel model, FittedPipeline transform, ArtifactFile profile) {
        this.version = version;
        this.model = model;
        this.transform = transform;
        this.profile = profile;
    }

    /** Takes a use of the model; false when it was retired and closed meanwhile. */
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

    public void release() {
        if (users.decrementAndGet() == 0) {
            model.close();
        }
    }

    /** Drops the deployment's hold: the model closes after its last request. */
    public void retire() {
        release();
    }

    public VersionToServe version() {
        return version;
    }

    public LoadedModel model() {
        return model;
    }

    public FittedPipeline transform() {
        return transform;
    }

    /** The baseline profile artifact, or null when the version has none. */
    public ArtifactFile profile() {
        return profile;
    }

    public List<String> rawFeatureNames() {
        return transform.inputColumns().stream().map(c -> c.name()).toList();
    }

    public List<String> classLabels() {
        return transform.classLabels();
    }
}
