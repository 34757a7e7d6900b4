package dev.aiaas.serving.model;

import dev.aiaas.ml.sequence.WindowSpec;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.models.LoadedModel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded, verified and warmed-up model version with its fitted transform, shared by every
 * endpoint bound to that version. Each holder (an endpoint, a request in flight)
 * {@link #acquire() acquires} it and {@link #release() releases} it when done; the parameters
 * are freed when the last one lets go, so a swap never fails a request in flight.
 */
public final class ServedModel {

    private final VersionToServe version;
    private final LoadedModel model;
    private final FittedPipeline transform;
    private final ArtifactFile profile;
    private final ModelSignature signature;
    private final long memoryBytes;
    private final AtomicInteger users = new AtomicInteger(1); // 1 = held by whoever loaded it

    public ServedModel(VersionToServe version, LoadedModel model, FittedPipeline transform, ArtifactFile profile,
            long memoryBytes) {
        this.version = version;
        this.model = model;
        this.transform = transform;
        this.profile = profile;
        this.memoryBytes = memoryBytes;
        // an anomaly detector computes a reconstruction per row but answers one score
        int answered = model.spec().task() == LabelTask.ANOMALY ? 1 : model.spec().outputs();
        this.signature = new ModelSignature(model.spec().inputShape(), transform.inputColumns(),
                transform.classLabels(), answered, model.spec().task(),
                transform.window().map(WindowSpec::window).orElse(0));
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
            model.close();
        }
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

    public ModelSignature signature() {
        return signature;
    }

    /** Bytes of the parameters the engine holds for this version, measured after loading. */
    public long memoryBytes() {
        return memoryBytes;
    }

    /** The baseline profile artifact, or null when the version has none. */
    public ArtifactFile profile() {
        return profile;
    }

    @Override
    public String toString() {
        return version.modelName() + " v" + version.version();
    }
}
