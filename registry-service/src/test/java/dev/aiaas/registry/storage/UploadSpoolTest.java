package dev.aiaas.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.storage.ArtifactDigest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadSpoolTest {

    @TempDir
    Path folder;

    @Test
    void bytesWrittenInPiecesAreCountedDigestedAndOnDiskUntilClosed() throws IOException {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        UploadSpool spool = UploadSpool.create(Optional.of(folder));

        spool.write(ByteBuffer.wrap(content, 0, 100_000));
        spool.write(ByteBuffer.wrap(Arrays.copyOfRange(content, 100_000, 300_000)).asReadOnlyBuffer());
        UploadSpool.SpooledFile spooled = spool.finish();

        assertThat(spooled.size()).isEqualTo(300_000);
        assertThat(spooled.sha256()).isEqualTo(ArtifactDigest.sha256Hex(content));
        assertThat(Files.readAllBytes(spooled.path())).isEqualTo(content);
        spool.close();
        assertThat(spooled.path()).doesNotExist();
    }

    @Test
    void closingASpoolNeverFinishedDeletesItsFile() throws IOException {
        UploadSpool spool = UploadSpool.create(Optional.of(folder.resolve("created")));
        spool.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));

        spool.close();

        try (var left = Files.list(folder.resolve("created"))) {
            assertThat(left).isEmpty();
        }
    }
}
