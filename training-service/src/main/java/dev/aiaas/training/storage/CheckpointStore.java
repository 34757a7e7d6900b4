package dev.aiaas.training.storage;

import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.StoredArtifact;
import dev.aiaas.training.model.JobCheckpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * A running job's checkpoints under {@link ObjectKeys#checkpoints}: the parameters
 * after each finished epoch ({@code epoch-0003.params}), kept until the job ends, under the
 * job's project.
 */
@ApplicationScoped
public class CheckpointStore {

    @Inject
    ArtifactStore store;

    /** Uploads the parameters saved after {@code epoch}. */
    public JobCheckpoint put(String project, String jobId, int epoch, Path parameters) {
        StoredArtifact stored = store.put(ObjectKeys.checkpoint(project, jobId, epoch), parameters);
        return new JobCheckpoint(epoch, stored.key(), stored.sha256());
    }

    /** Downloads a checkpoint into {@code target}, verifying its SHA-256. */
    public Path download(JobCheckpoint checkpoint, Path target) {
        store.downloadVerified(checkpoint.key(), checkpoint.sha256(), target);
        return target;
    }

    /** Deletes every checkpoint of a job that ended. */
    public void deleteAll(String project, String jobId) {
        store.deletePrefix(ObjectKeys.checkpoints(project, jobId));
    }
}
