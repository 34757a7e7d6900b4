package dev.aiaas.ingest.storage;

import dev.aiaas.ingest.mapping.DatasetMessages;
import dev.aiaas.ingest.model.DatasetVersion;
import dev.aiaas.ingest.model.VersionPart;
import dev.aiaas.storage.ArtifactDigest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.ProtoJsonObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A dataset version's manifest: the {@code aiaas.ingest.v1.DatasetVersion} message in
 * protobuf JSON, stored under the folder of the seal attempt that wrote it
 * ({@link ObjectKeys#sealedVersion}).
 */
@ApplicationScoped
public class VersionManifest {

    @Inject
    ArtifactStore store;

    /** A fresh folder for one seal attempt of {@code project}'s {@code dataset} v{@code version}. */
    public static String newSealFolder(String project, String dataset, long version) {
        byte[] id = new byte[8];
        ThreadLocalRandom.current().nextBytes(id);
        return ObjectKeys.sealedVersion(project, dataset, version, HexFormat.of().formatHex(id));
    }

    /** The version's digest: SHA-256 of its parts' SHA-256 hex strings, concatenated in order. */
    public static String digest(List<VersionPart> parts) {
        return ArtifactDigest.sha256OfDigests(parts.stream().map(VersionPart::sha256).toList());
    }

    /** Stores the manifest under the version's {@code manifestKey}; the version with the manifest's digest. */
    public DatasetVersion write(DatasetVersion version) {
        return version.withManifestSha256(
                ProtoJsonObjects.write(store, version.manifestKey(), DatasetMessages.manifest(version)).sha256());
    }
}
