package dev.aiaas.monitoring.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.events.quarkus.ConsumedRecords;
import dev.aiaas.monitoring.storage.AuditStore;
import dev.aiaas.proto.events.v1.CallAudited;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps every service's audit records ({@code aiaas.audit}), once each; one that is not a
 * CallAudited with an event id goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class AuditListener {

    @Inject
    AuditStore store;

    @Incoming("audit-in")
    @Blocking
    public CompletionStage<Void> onAudited(Message<byte[]> record) {
        return ConsumedRecords.take(record, "keeping an audit record", this::keep);
    }

    private void keep(byte[] payload) throws SQLException {
        CallAudited event;
        try {
            event = CallAudited.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("record on aiaas.audit is not an aiaas.events.v1.CallAudited: "
                    + e.getMessage(), e);
        }
        if (event.getHeader().getEventId().isEmpty() || !event.getHeader().hasOccurredAt()) {
            throw new IllegalArgumentException("audit record has no event id or time");
        }
        store.insert(event);
    }
}
