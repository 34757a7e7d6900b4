package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArtifactStoreSettingsTest {

    private static final KeyEncryptionKeys KEYS = KeyEncryptionKeys.parse(KeyEncryptionKeys.generate("k1"));

    @Test
    void defaultsToUsEast1And16MiBParts() {
        ArtifactStoreSettings settings = ArtifactStoreSettings.of("http://127.0.0.1:9000", "ak", "sk", "aiaas", KEYS);

        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.partSize()).isEqualTo(16L * 1024 * 1024);
    }

    @Test
    void neverPrintsTheSecretKey() {
        ArtifactStoreSettings settings = ArtifactStoreSettings.of("http://s3", "ak", "very-secret", "b", KEYS);

        assertThat(settings.toString()).doesNotContain("very-secret").contains("secretKey=***");
    }

    @Test
    void printsTheKeyEncryptionKeysByIdOnly() {
        String spec = KeyEncryptionKeys.generate("rotated-2026");
        ArtifactStoreSettings settings = ArtifactStoreSettings.of("http://s3", "ak", "sk", "b",
                KeyEncryptionKeys.parse(spec));

        assertThat(settings.toString()).contains("keys=KeyEncryptionKeys[rotated-2026]")
                .doesNotContain(spec.substring(spec.indexOf(':') + 1));
    }

    @Test
    void refusesPartsSmallerThanS3Allows() {
        ArtifactStoreSettings settings = ArtifactStoreSettings.of("http://s3", "ak", "sk", "b", KEYS);

        assertThatThrownBy(() -> settings.withPartSize(1024 * 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 5 MiB and 5 GiB");
    }

    @Test
    void refusesABlankBucket() {
        assertThatThrownBy(() -> ArtifactStoreSettings.of("http://s3", "ak", "sk", " ", KEYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bucket must not be blank");
    }
}
