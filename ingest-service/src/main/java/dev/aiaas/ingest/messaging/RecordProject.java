package dev.aiaas.ingest.messaging;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Names;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.Topics;

/**
 * The project a record of the intake goes into: the one its topic names ({@link Topics#ingestRecords}).
 * The topic, not anything the record says, decides, because the broker's ACLs let a producer write
 * only to its own projects' topics; a record that claims another project in its
 * {@value Projects#HEADER} header is refused rather than believed or silently moved.
 */
final class RecordProject {

    private static final String PROJECT_TOPIC = Topics.INGEST_RECORDS + ".";

    private RecordProject() {
    }

    /**
     * @param topic         the topic the record was read from
     * @param headerProject the value of its {@value Projects#HEADER} header, null when it has none
     * @return the project the topic names
     * @throws IllegalArgumentException saying why the record cannot go into any project: the topic
     *         names no valid project, or the header names another project than the topic
     */
    static String of(String topic, String headerProject) {
        String project = ofTopic(topic);
        if (headerProject != null && !headerProject.isBlank() && !headerProject.strip().equals(project)) {
            throw new IllegalArgumentException("the record's " + Projects.HEADER + " header names project '"
                    + headerProject.strip() + "' but it arrived on " + topic + ", the topic of project '" + project
                    + "': a record goes into the project its topic names, so produce it to "
                    + (Projects.valid(headerProject.strip()) ? Topics.ingestRecords(headerProject.strip())
                            : "the topic of the project meant")
                    + " (or drop the header)");
        }
        return project;
    }

    private static String ofTopic(String topic) {
        if (topic.equals(Topics.INGEST_RECORDS)) {
            return Projects.DEFAULT;
        }
        if (topic.startsWith(PROJECT_TOPIC)) {
            try {
                return Names.require("project", topic.substring(PROJECT_TOPIC.length()));
            } catch (DomainException invalid) {
                throw new IllegalArgumentException("topic " + topic + " names no valid project ("
                        + invalid.getMessage() + "): produce to " + PROJECT_TOPIC + "<project>");
            }
        }
        throw new IllegalArgumentException("topic " + topic + " is not a topic of records to ingest: produce to "
                + Topics.INGEST_RECORDS + " or " + PROJECT_TOPIC + "<project>");
    }
}
