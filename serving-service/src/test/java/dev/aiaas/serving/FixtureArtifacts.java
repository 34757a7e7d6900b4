package dev.aiaas.serving;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.aiaas.models.ModelFamilies;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.storage.StoredArtifact;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the test model fixtures share: stored files as registry artifact references, and untrained networks. */
final class FixtureArtifacts {

    private FixtureArtifacts() {
    }

    /** The registry's reference to {@code stored} under {@code role}. */
    static ArtifactRef ref(String role, StoredArtifact stored) {
        return ArtifactRef.newBuilder().setRole(role).setKey(stored.key()).setSha256(stored.sha256())
                .setSizeBytes(stored.size()).build();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A network of {@code spec} with its initial parameters, saved as training saves one; the .params file. */
    static Path initialParameters(ModelSpec spec) throws Exception {
        Path folder = Files.createTempDirectory("fixture-model");
        try (Model model = Model.newInstance("model", ai.djl.Device.cpu())) {
            model.setBlock(ModelFamilies.block(spec));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(spec.batchShape(1)));
            model.save(folder, "model");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".params")).findFirst().orElseThrow();
        }
    }
}
