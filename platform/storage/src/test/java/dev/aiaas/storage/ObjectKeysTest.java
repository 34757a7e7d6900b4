package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.Projects;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    private static final String D = Projects.DEFAULT;
    private static final String SPEC = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void aSealedVersionLivesInTheFolderOfItsSealAttempt() {
        String folder = ObjectKeys.sealedVersion(D, "iris", 3, "5e1f00d");

        assertThat(folder).isEqualTo("datasets/iris/v3/5e1f00d/");
        assertThat(ObjectKeys.datasetManifest(D, "iris", 3, "5e1f00d")).isEqualTo(folder + "manifest.json");
        assertThat(ObjectKeys.datasetPart(folder, 12)).isEqualTo(folder + "part-00012.jsonl");
    }

    @Test
    void preparedOutputIsKeyedByPipelineNameAndSpecDigest() {
        assertThat(ObjectKeys.preparedManifest(D, "iris", 3, "default")).isEqualTo("prepared/iris/v3/default/prepared.json");
        assertThat(ObjectKeys.preparedOutput(D, "iris", 3, "default", SPEC))
                .isEqualTo("prepared/iris/v3/default/0123456789abcdef/");
        assertThat(ObjectKeys.sealReceipt(D, "iris", 3)).isEqualTo("prepared/iris/v3/sealed.json");
    }

    @Test
    void modelsAndCheckpointsAreKeyedByJob() {
        assertThat(ObjectKeys.modelArtifacts(D, "iris-mlp", "job-1")).isEqualTo("models/iris-mlp/job-1/");
        assertThat(ObjectKeys.checkpoint(D, "job-1", 3)).isEqualTo("training/checkpoints/job-1/epoch-0003.params");
    }

    @Test
    void anotherProjectsObjectsLiveUnderItsOwnRootAndTheDefaultProjectKeepsTheLayoutFromBefore() {
        assertThat(ObjectKeys.sealedVersion("acme", "iris", 3, "5e1f00d")).isEqualTo("projects/acme/datasets/iris/v3/5e1f00d/");
        assertThat(ObjectKeys.preparedManifest("acme", "iris", 3, "default"))
                .isEqualTo("projects/acme/prepared/iris/v3/default/prepared.json");
        assertThat(ObjectKeys.modelArtifacts("acme", "iris-mlp", "job-1")).isEqualTo("projects/acme/models/iris-mlp/job-1/");
        assertThat(ObjectKeys.checkpoints("acme", "job-1")).isEqualTo("projects/acme/training/checkpoints/job-1/");
        assertThat(ObjectKeys.modelArtifacts(D, "iris-mlp", "job-1")).isEqualTo("models/iris-mlp/job-1/");
        assertThatThrownBy(() -> ObjectKeys.modelArtifacts("../x", "m", "j")).hasMessageContaining("project '../x'");
    }

    @Test
    void refusesSegmentsThatWouldBreakTheLayout() {
        assertThatThrownBy(() -> ObjectKeys.sealedVersion(D, "a/b", 1, "s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataset name 'a/b'");
        assertThatThrownBy(() -> ObjectKeys.checkpoints(D, "..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.modelArtifacts(D, "", "j")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.preparedManifest(D, "iris", 0, "p"))
                .hasMessageContaining("version must be 1 or more");
        assertThatThrownBy(() -> ObjectKeys.preparedOutput(D, "iris", 1, "p", "abc"))
                .hasMessageContaining("SHA-256");
    }
}
