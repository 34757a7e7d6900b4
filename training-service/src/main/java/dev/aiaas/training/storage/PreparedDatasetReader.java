package dev.aiaas.training.storage;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.npz.NpzReader;
import dev.aiaas.models.LabelledData;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import dev.aiaas.storage.ArtifactStore;
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
 * Reads a prepared dataset from the artifact store, as docs/architecture.md lays it out:
 * {@code prepared/{dataset}/v{n}/{pipeline}/prepared.json} (written last, checked against the
 * SHA-256 recorded when it was stored) names every split's {@code .npz} with its SHA-256,
 * and each split is downloaded and checked against that digest before it is read.
 */
@ApplicationScoped
public class PreparedDatasetReader {

    static final String MANIFEST = "prepared.json";

    @Inject
    ArtifactStore store;

    /** The manifest of a prepared dataset; FAILED_PRECONDITION when it was never prepared. */
    public PreparedData manifest(String dataset, long version, String pipeline) {
        String key = "prepared/" + dataset + "/v" + version + "/" + pipeline + "/" + MANIFEST;
        StoredArtifact stored = store.stat(key).orElseThrow(() -> DomainException.failedPrecondition("dataset "
                + dataset + " v" + version + " has not been prepared with pipeline '" + pipeline + "' (no " + key
                + "): run Prepare for it, then submit the job again"));
        String json = new String(store.readAllVerified(key, stored.sha256()), StandardCharsets.UTF_8);
        return toDomain(parse(key, json));
    }

    /** Downloads split {@code name} into {@code folder}, verified, and reads its x and y. */
    public LabelledData split(PreparedData data, String name, Path folder) {
        StoredFile file = data.splits().get(name);
        if (file == null) {
            throw DomainException.failedPrecondition("the prepared dataset " + data.dataset() + " v"
                    + data.datasetVersion() + " has no '" + name + "' split: prepare it again with a split that "
                    + "keeps train, validation and test non-empty");
        }
        Path local = folder.resolve(name + ".npz");
        store.downloadVerified(file.key(), file.sha256(), local);
        try {
            return LabelledData.fromNpz(NpzReader.read(local));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.key() + " as .npz", e);
        }
    }

    private static PreparedDataset parse(String key, String json) {
        PreparedDataset.Builder manifest = PreparedDataset.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(json, manifest);
        } catch (InvalidProtocolBufferException e) {
            throw DomainException.failedPrecondition(key + " is not a prepared dataset manifest (" + e.getMessage()
                    + "): prepare the dataset again");
        }
        return manifest.build();
    }

    private static PreparedData toDomain(PreparedDataset m) {
        Map<String, StoredFile> splits = m.getSplitsList().stream()
                .collect(Collectors.toMap(SplitSummary::getName, s -> file(s.getTensors())));
        return new PreparedData(m.getDataset(), m.getDatasetVersion(), m.getPipeline().getName(),
                m.getInputShapeList().stream().map(Math::toIntExact).toList(), m.getClassLabelsList(), splits,
                file(m.getTransform()), file(m.getProfile()));
    }

    private static StoredFile file(ArtifactRef ref) {
        return new StoredFile(ref.getRole(), ref.getKey(), ref.getSha256(), ref.getSizeBytes());
    }
}
