package dev.aiaas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeSectionTest {

    @TempDir
    Path dir;

    @Test
    void rewritesOnlyTheResultsSectionAndKeepsWhatPeopleWroteAroundIt() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# title\n\n" + ReadmeSection.BEGIN + "\nold table\n" + ReadmeSection.END
                + "\n\n## What the figures say\nhand-written\n");

        ReadmeSection.write(readme, List.of("new table", "| a | b |"));

        assertThat(Files.readString(readme)).isEqualTo("# title\n\n" + ReadmeSection.BEGIN + "\nnew table\n| a | b |\n"
                + ReadmeSection.END + "\n\n## What the figures say\nhand-written\n");
    }

    @Test
    void appendsTheSectionWithItsMarkersToAReadmeThatHasNone() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# title");

        ReadmeSection.write(readme, List.of("table"));

        assertThat(Files.readString(readme)).isEqualTo("# title\n\n" + ReadmeSection.BEGIN + "\ntable\n"
                + ReadmeSection.END + "\n");
    }
}
