package dev.aiaas.preprocess.storage;

import com.google.protobuf.Timestamp;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.preprocess.model.PreparedOutput.StoredObject;
import dev.aiaas.preprocess.model.PreparedOutput;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.ProtoJsonObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The manifest of a prepared dataset: the {@code aiaas.preprocess.v1.PreparedDataset}
 * message in protobuf's JSON form, written last so that its presence means "complete". It
 * records the whole spec and its digest, so a later request under the same name is compared
 * with it, never answered with another spec's tensors.
 */
@ApplicationScoped
public class PreparedManifest {

    @Inject
    ArtifactStore store;

    /** Writes the manifest, last, and returns it. */
    public PreparedDataset write(PreparedOutput output) {
        var request = output.request();
        Instant now = Instant.now();
        PreparedDataset.Builder manifest = PreparedDataset.newBuilder()
                .setDataset(request.dataset())
                .setDatasetVersion(request.datasetVersion())
                .setPipeline(request.spec())
                .setSpecSha256(request.specSha256())
                .addAllFeatureNames(output.features().names())
                .addAllInputShape(output.inputShape().stream().map(Integer::longValue).toList())
                .addAllClassLabels(output.features().classLabels())
                .setTask(task(output.task()))
                .setTransform(ref("transform", output.transform()))
                .setProfile(ref("profile", output.profile()))
                .setCreatedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
        for (PreparedOutput.SplitOutput s : output.splits()) {
            manifest.addSplits(SplitSummary.newBuilder().setName(s.name()).setRows(s.rows())
                    .setTensors(ref("tensors", s.tensors())));
        }
        manifest.setVocabularySize(output.features().vocabularySize());
        if (output.sequence() != null) {
            manifest.setSequence(output.sequence());
        }
        if (output.interactions() != null) {
            manifest.setInteractions(output.interactions());
        }
        PreparedDataset written = manifest.build();
        ProtoJsonObjects.write(store, ObjectKeys.preparedManifest(request.project(), request.dataset(),
                request.datasetVersion(), request.pipeline()), written);
        return written;
    }

    private static Task task(LabelTask task) {
        return switch (task) {
            case CLASSIFICATION -> Task.CLASSIFICATION;
            case REGRESSION -> Task.REGRESSION;
            case ANOMALY -> Task.ANOMALY;
            case RECOMMENDATION -> Task.RECOMMENDATION;
        };
    }

    private static ArtifactRef ref(String role, StoredObject object) {
        return ArtifactRef.newBuilder().setRole(role).setKey(object.key()).setSha256(object.sha256())
                .setSizeBytes(object.sizeBytes()).build();
    }
}
