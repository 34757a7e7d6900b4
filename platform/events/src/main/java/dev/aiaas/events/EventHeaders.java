package dev.aiaas.events;

import com.google.protobuf.Timestamp;
import dev.aiaas.proto.events.v1.EventHeader;
import java.time.Instant;
import java.util.UUID;

/** Builds the header every event carries; consumers deduplicate by its id. */
public final class EventHeaders {

    private EventHeaders() {
    }

    public static EventHeader newHeader(String source) {
        Instant now = Instant.now();
        return EventHeader.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setSource(source)
                .build();
    }
}
