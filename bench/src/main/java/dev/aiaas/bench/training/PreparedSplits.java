package dev.aiaas.bench.training;

import dev.aiaas.ml.npz.NpzReader;
import dev.aiaas.models.LabelledData;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import dev.aiaas.storage.ArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The very {@code .npz} tensors a job on the prepared digits reads, downloaded once (verified
 * against their SHA-256) into the benchmark's JVM before anything is timed: the bare loop's
 * data costs it nothing, while the service downloads them in every job.
 */
record PreparedSplits(LabelledData train, LabelledData validation, LabelledData test) {

    static PreparedSplits download(ArtifactStore store, PreparedDataset prepared) throws IOException {
        Path folder = Files.createTempDirectory("aiaas-bench-splits-");
        try {
            return new PreparedSplits(split(store, prepared, "train", folder),
                    split(store, prepared, "validation", folder), split(store, prepared, "test", folder));
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    private static LabelledData split(ArtifactStore store, PreparedDataset prepared, String name, Path folder)
            throws IOException {
        ArtifactRef tensors = prepared.getSplitsList().stream().filter(s -> s.getName().equals(name)).findFirst()
                .map(SplitSummary::getTensors)
                .orElseThrow(() -> new IllegalStateException("the prepared digits have no '" + name + "' split"));
        Path local = folder.resolve(name + ".npz");
        store.downloadVerified(tensors.getKey(), tensors.getSha256(), local);
        return LabelledData.fromNpz(NpzReader.read(local));
    }
}
