package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Api;
import com.google.protobuf.Method;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Typed manifests on a real S3 server; {@code google.protobuf.Api} stands in for a manifest message. */
class ProtoJsonObjectsTest {

    private static ArtifactStore store;
    private static String prefix;

    @BeforeAll
    static void connect() {
        store = TestStores.onRealServers();
        prefix = TestStores.uniquePrefix("proto-json");
    }

    @AfterAll
    static void disconnect() {
        store.close();
    }

    @Test
    void aMessageWrittenAsJsonReadsBackTyped() {
        Api manifest = Api.newBuilder().setName("iris").setVersion("v3")
                .addMethods(Method.newBuilder().setName("part-00000")).build();

        StoredArtifact stored = ProtoJsonObjects.write(store, prefix + "manifest.json", manifest);

        assertThat(new String(store.readAllVerified(stored.key(), stored.sha256()), StandardCharsets.UTF_8))
                .contains("\"name\": \"iris\"");
        assertThat(ProtoJsonObjects.read(store, stored.key(), stored.sha256(), Api.getDefaultInstance()))
                .isEqualTo(manifest);
    }

    @Test
    void readingChecksTheDigestTheCallerTrusts() {
        StoredArtifact stored = ProtoJsonObjects.write(store, prefix + "other.json",
                Api.newBuilder().setName("iris").build());
        String otherDigest = ArtifactDigest.sha256Hex("something else".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ProtoJsonObjects.read(store, stored.key(), otherDigest, Api.getDefaultInstance()))
                .isInstanceOf(ArtifactIntegrityException.class);
    }

    @Test
    void jsonOfAnotherShapeIsAFormatError() {
        StoredArtifact stored = store.put(prefix + "broken.json",
                "{\"name\": [1, 2]}".getBytes(StandardCharsets.UTF_8), ProtoJsonObjects.CONTENT_TYPE);

        assertThatThrownBy(() -> ProtoJsonObjects.read(store, stored.key(), stored.sha256(), Api.getDefaultInstance()))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("google.protobuf.Api");
    }
}
