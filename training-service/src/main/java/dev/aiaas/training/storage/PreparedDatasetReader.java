package dev.aiaas.training.storage;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.interactions.IdIndex;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.ml.interactions.InteractionsJson;
import dev.aiaas.ml.interactions.InteractionsNpz;
import dev.aiaas.ml.npz.NpyArray;
import dev.aiaas.ml.npz.NpzReader;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.models.LabelledData;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.preprocess.v1.InteractionsInfo;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.SequenceInfo;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import dev.aiaas.storage.ArtifactFormatException;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.ProtoJsonObjects;
import dev.aiaas.storage.StoredArtifact;
import dev.aiaas.training.model.PreparedData;
import dev.aiaas.training.model.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a prepared dataset from the artifact store, as the storage contract lays it out
 * ({@link ObjectKeys#preparedManifest}): the manifest, an {@code aiaas.preprocess.v1.PreparedDataset}
 * in protobuf JSON written last, names every split's {@code .npz} with its SHA-256, and each
 * split is downloaded and checked against that digest before it is read. A job reads the prepared
 * datasets of its own project only.
 */
@ApplicationScoped
public class PreparedDatasetReader {

    @Inject
    ArtifactStore store;

    /** The manifest of a prepared dataset of {@code project}; FAILED_PRECONDITION when it was never prepared there. */
    public PreparedData manifest(String project, String dataset, long version, String pipeline) {
        String key = ObjectKeys.preparedManifest(project, dataset, version, pipeline);
        StoredArtifact stored = store.stat(key).orElseThrow(() -> DomainException.failedPrecondition("dataset "
                + dataset + " v" + version + " has not been prepared with pipeline '" + pipeline + "' (no " + key
                + "): run Prepare for it, then submit the job again"));
        try {
            return toDomain(ProtoJsonObjects.read(store, key, stored.sha256(), PreparedDataset.getDefaultInstance()));
        } catch (ArtifactFormatException e) {
            throw DomainException.failedPrecondition(e.getMessage() + ": prepare the dataset again");
        }
    }

    /** Downloads split {@code name} into {@code folder}, verified, and reads its x and y. */
    public LabelledData split(PreparedData data, String name, Path folder) {
        return LabelledData.fromNpz(npz(data, name, folder));
    }

    /** The id index of a recommender's prepared data, which lies in the transform's place. */
    public IdIndex index(PreparedData data) {
        byte[] json = store.readAllVerified(data.transform().key(), data.transform().sha256());
        try {
            return InteractionsJson.read(new String(json, StandardCharsets.UTF_8)).index();
        } catch (IllegalArgumentException e) {
            throw DomainException.failedPrecondition("the id index of " + data.dataset() + " v" + data.datasetVersion()
                    + " (" + data.transform().key() + ") cannot be read: " + e.getMessage() + "; prepare it again");
        }
    }

    /** Downloads a recommender's split {@code name} into {@code folder}, verified, and reads its pairs over {@code index}. */
    public Interactions interactions(PreparedData data, String name, Path folder, IdIndex index) {
        Map<String, NpyArray> arrays = npz(data, name, folder);
        try {
            return InteractionsNpz.decode(arrays, index);
        } catch (IllegalArgumentException e) {
            throw DomainException.failedPrecondition("the '" + name + "' interactions of " + data.dataset() + " v"
                    + data.datasetVersion() + " do not fit its index: " + e.getMessage() + "; prepare it again");
        }
    }

    private Map<String, NpyArray> npz(PreparedData data, String name, Path folder) {
        StoredFile file = data.splits().get(name);
        if (file == null) {
            throw DomainException.failedPrecondition("the prepared dataset " + data.dataset() + " v"
                    + data.datasetVersion() + " has no '" + name + "' split: prepare it again with a split that "
                    + "keeps train, validation and test non-empty");
        }
        Path local = folder.resolve(name + ".npz");
        store.downloadVerified(file.key(), file.sha256(), local);
        try {
            return NpzReader.read(local);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.key() + " as .npz", e);
        }
    }

    private static PreparedData toDomain(PreparedDataset m) {
        Map<String, StoredFile> splits = m.getSplitsList().stream()
                .collect(Collectors.toMap(SplitSummary::getName, s -> file(s.getTensors())));
        return new PreparedData(m.getDataset(), m.getDatasetVersion(), m.getPipeline().getName(),
                m.getInputShapeList().stream().map(Math::toIntExact).toList(), m.getClassLabelsList(), task(m),
                m.hasSequence() ? sequence(m.getSequence()) : null, m.getVocabularySize(),
                m.hasInteractions() ? interactions(m.getInteractions()) : null, splits, file(m.getTransform()),
                file(m.getProfile()));
    }

    /** The manifest's task; one prepared before tasks were recorded has class labels, so classes. */
    private static LabelTask task(PreparedDataset m) {
        return switch (m.getTask()) {
            case REGRESSION -> LabelTask.REGRESSION;
            case ANOMALY -> LabelTask.ANOMALY;
            case RECOMMENDATION -> LabelTask.RECOMMENDATION;
            case CLASSIFICATION -> LabelTask.CLASSIFICATION;
            case TASK_UNSPECIFIED, UNRECOGNIZED -> m.getClassLabelsCount() > 0 ? LabelTask.CLASSIFICATION
                    : LabelTask.REGRESSION;
        };
    }

    private static PreparedData.Sequence sequence(SequenceInfo info) {
        return new PreparedData.Sequence(info.getWindow(), info.getHorizon(), info.getTargetFeature(),
                info.getTargetMean(), info.getTargetStd());
    }

    private static PreparedData.InteractionsShape interactions(InteractionsInfo info) {
        return new PreparedData.InteractionsShape(info.getUsers(), info.getItems(), info.getSharedIds());
    }

    private static StoredFile file(ArtifactRef ref) {
        return new StoredFile(ref.getRole(), ref.getKey(), ref.getSha256(), ref.getSizeBytes());
    }
}
