package dev.aiaas.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkedSectionTest {

    @TempDir
    Path dir;

    @Test
    void eachBenchmarkRewritesOnlyItsOwnSectionOfAReadmeThatHoldsSeveral() throws Exception {
        MarkedSection ingest = MarkedSection.named("ingest", "bench/run ingest");
        MarkedSection training = MarkedSection.named("training", "bench/run training");
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# bench\n" + ingest.begin() + "\nold ingest\n" + ingest.end() + "\nprose\n"
                + training.begin() + "\nold training\n" + training.end() + "\n");

        training.write(readme, List.of("new training"));
        ingest.write(readme, List.of("new ingest", "| a |"));

        assertThat(Files.readString(readme)).isEqualTo("# bench\n" + ingest.begin() + "\nnew ingest\n| a |\n"
                + ingest.end() + "\nprose\n" + training.begin() + "\nnew training\n" + training.end() + "\n");
    }

    @Test
    void namedMarkersAreDistinctHtmlCommentsThatSayWhoWritesThem() {
        MarkedSection section = MarkedSection.named("ingest", "bench/run ingest");

        assertThat(section.begin()).isEqualTo(
                "<!-- bench:ingest:begin (bench/run ingest rewrites everything up to bench:ingest:end) -->");
        assertThat(section.end()).isEqualTo("<!-- bench:ingest:end -->");
    }
}
