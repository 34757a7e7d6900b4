package dev.aiaas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @Test
    void deletesATemporaryDirectoryAndItsContentOnClose() throws IOException {
        DataDirectory dir = DataDirectory.prepare("test", null);
        Files.writeString(dir.subdirectory("nested").resolve("file.txt"), "x");

        dir.close();

        assertThat(dir.path()).doesNotExist();
    }

    @Test
    void keepsAGivenDirectoryOnClose(@TempDir Path parent) throws IOException {
        Path given = parent.resolve("kept");
        DataDirectory dir = DataDirectory.prepare("test", given);
        Files.writeString(given.resolve("data"), "x");

        dir.close();

        assertThat(given.resolve("data")).hasContent("x");
    }

    @Test
    void refusesADirectoryThatAnotherServerIsUsing(@TempDir Path parent) {
        Path shared = parent.resolve("shared");
        try (DataDirectory first = DataDirectory.prepare("postgres", shared)) {
            assertThatThrownBy(() -> PostgresServer.start(ServerOptions.persistent(shared, 0)))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessage("data directory " + shared + " is in use by another postgres (it holds "
                            + shared.resolve("aiaas.lock") + "): stop that one first or choose another directory");
        }
    }

    @Test
    void canBeUsedAgainOnceTheServerThatHeldItHasClosed(@TempDir Path parent) {
        Path reused = parent.resolve("reused");
        DataDirectory.prepare("kafka", reused).close();

        try (DataDirectory again = DataDirectory.prepare("kafka", reused)) {
            assertThat(again.path()).isEqualTo(reused);
        }
    }

    @Test
    void refusesADirectoryThatCannotBeCreatedSayingWhatToDo(@TempDir Path parent) throws IOException {
        Path file = Files.writeString(parent.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> KafkaBroker.start(ServerOptions.persistent(file.resolve("data"), 0)))
                .isInstanceOf(ServerStartException.class)
                .hasMessageStartingWith("data directory " + file.resolve("data") + " for kafka is not writable")
                .hasMessageEndingWith("fix its permissions or choose another directory");
    }
}
