package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArtifactStoreSettingsTest {

    @Test
    void defaultsToUsEast1And16MiBParts() {
        ArtifactStoreSettings settings = ArtifactStoreSettings.of("http://127.0.0.1:9000", "ak", "sk", "aiaas");

        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.partSize()).isEqualTo(16L * 1024 * 1024);
    }

    @Test
    void neverPrintsTheSecretKey() {
        ArtifactStoreSettings settings = ArtifactStoreSettings.of("http://s3", "ak", "very-secret", "b");

        assertThat(settings.toString()).doesNotContain("very-secret").contains("secretKey=***");
    }

    @Test
    void refusesPartsSmallerThanS3Allows() {
        ArtifactStoreSettings settings = ArtifactStoreSettings.of("http://s3", "ak", "sk", "b");

        assertThatThrownBy(() -> settings.withPartSize(1024 * 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 5 MiB and 5 GiB");
    }

    @Test
    void refusesABlankBucket() {
        assertThatThrownBy(() -> ArtifactStoreSettings.of("http://s3", "ak", "sk", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bucket must not be blank");
    }
}
