package dev.aiaas.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A record goes into the project its topic names, and the intake reads exactly the projects' topics. */
class RecordProjectTest {

    @Test
    void recordsOnThePlainTopicBelongToTheDefaultProject() {
        assertThat(RecordProject.of("aiaas.ingest.records", null)).isEqualTo("default");
        assertThat(RecordProject.of("aiaas.ingest.records", "default")).isEqualTo("default");
    }

    @Test
    void recordsOnAProjectsTopicBelongToThatProject() {
        assertThat(RecordProject.of("aiaas.ingest.records.beta", null)).isEqualTo("beta");
        assertThat(RecordProject.of("aiaas.ingest.records.beta", "beta")).isEqualTo("beta");
        assertThat(RecordProject.of("aiaas.ingest.records.team.eu-1", "")).isEqualTo("team.eu-1");
        assertThat(Topics.ingestRecords("beta")).isEqualTo("aiaas.ingest.records.beta");
        assertThat(Topics.ingestRecords("default")).isEqualTo("aiaas.ingest.records");
    }

    @Test
    void aHeaderNamingAnotherProjectThanTheTopicIsRefusedNamingBoth() {
        assertThatThrownBy(() -> RecordProject.of("aiaas.ingest.records.beta", "alpha"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("project 'alpha'")
                .hasMessageContaining("the topic of project 'beta'")
                .hasMessageContaining("produce it to aiaas.ingest.records.alpha");
        assertThatThrownBy(() -> RecordProject.of("aiaas.ingest.records", "alpha"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the topic of project 'default'");
    }

    @Test
    void aTopicWhoseSuffixIsNoProjectNameIsRefused() {
        assertThatThrownBy(() -> RecordProject.of("aiaas.ingest.records.Beta_Team", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no valid project")
                .hasMessageContaining("'Beta_Team'");
        assertThatThrownBy(() -> RecordProject.of("aiaas.ingest.records._x", null))
                .hasMessageContaining("names no valid project");
    }

    @Test
    void theIntakeSubscribesToThePlainTopicAndEveryProjectsTopicButNoOther() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("mp.messaging.incoming.ingest-records.topic"))
                .isEqualTo(Topics.INGEST_RECORDS_PATTERN);
        assertThat(properties.getProperty("mp.messaging.incoming.ingest-records.pattern")).isEqualTo("true");

        Pattern topics = Pattern.compile(Topics.INGEST_RECORDS_PATTERN);
        assertThat(topics.matcher("aiaas.ingest.records").matches()).isTrue();
        assertThat(topics.matcher("aiaas.ingest.records.beta").matches()).isTrue();
        assertThat(topics.matcher("aiaas.ingest.recordsx").matches()).isFalse();
        assertThat(topics.matcher("aiaas.ingest.records.").matches()).isFalse();
        assertThat(Topics.all()).extracting(Topics.TopicSpec::name)
                .filteredOn(name -> topics.matcher(name).matches())
                .containsExactly(Topics.INGEST_RECORDS);
    }
}
