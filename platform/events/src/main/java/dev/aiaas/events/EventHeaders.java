package dev.aiaas.events;

import com.google.protobuf.Timestamp;
import dev.aiaas.errors.Projects;
import dev.aiaas.proto.events.v1.EventHeader;
import java.time.Instant;
import java.util.UUID;

/** Builds the header every event carries; consumers deduplicate by its id. */
public final class EventHeaders {

    private EventHeaders() {
    }

    /** The header of an event about resources of {@code project}. */
    public static EventHeader newHeader(String source, String project) {
        Instant now = Instant.now();
        return EventHeader.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(timestamp(now))
                .setSource(source)
                .setProject(project)
                .build();
    }

    /** {@code instant} as an event's timestamp field takes it. */
    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** The project an event is about ({@link Projects#DEFAULT} for one from before projects). */
    public static String project(EventHeader header) {
        return Projects.orDefault(header.getProject());
    }
}
