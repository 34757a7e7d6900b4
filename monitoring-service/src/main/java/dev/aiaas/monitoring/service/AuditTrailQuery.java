package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.monitoring.storage.AuditStore;
import dev.aiaas.proto.events.v1.CallAudited;
import dev.aiaas.proto.monitoring.v1.ListAuditEventsRequest;
import dev.aiaas.proto.monitoring.v1.ListAuditEventsResponse;
import dev.aiaas.security.Admission;
import dev.aiaas.errors.Projects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Lists the audit trail of one project, newest first, a page at a time. A user sees only the
 * project their call was admitted for (asking for another is NOT_FOUND, as for any resource of
 * a project they cannot see); a service may ask for any. A request that names no project lists
 * the caller's, the project the call acts in ({@code ProjectScope.current()} at the edge), so
 * with security off the {@value Projects#HEADER} header decides, as for every other call.
 */
@ApplicationScoped
public class AuditTrailQuery {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    @Inject
    AuditStore store;

    /**
     * @param current   the project the call acts in (the admitted one, or the header's)
     * @param admission the call's admission; empty when security is off
     */
    public ListAuditEventsResponse list(ListAuditEventsRequest request, String current, Optional<Admission> admission) {
        String project = project(request.getProject(), current, admission);
        int size = request.getPageSize() == 0 ? DEFAULT_PAGE : request.getPageSize();
        if (size < 0 || size > MAX_PAGE) {
            throw DomainException.invalid("page_size is " + size + ": ask for 1 to " + MAX_PAGE + " (0: " + DEFAULT_PAGE + ")");
        }
        AuditStore.Query query = new AuditStore.Query(project, request.getPrincipal(), request.getMethod(),
                request.hasStartTime() ? instant(request.getStartTime()) : null,
                request.hasEndTime() ? instant(request.getEndTime()) : null, size + 1, after(request.getPageToken()));
        List<CallAudited> events = run(() -> store.list(query));
        ListAuditEventsResponse.Builder response = ListAuditEventsResponse.newBuilder()
                .addAllEvents(events.subList(0, Math.min(size, events.size())));
        if (events.size() > size) {
            response.setNextPageToken(token(events.get(size - 1)));
        }
        return response.build();
    }

    private static String project(String asked, String current, Optional<Admission> admission) {
        if (admission.isEmpty() || admission.get().caller().service()) {
            return asked.isEmpty() ? current : asked;
        }
        String admitted = admission.get().project();
        if (!asked.isEmpty() && !asked.equals(admitted)) {
            throw DomainException.notFound("no project '" + asked + "' that " + admission.get().caller().subject()
                    + " can see: send the project in the " + Projects.HEADER + " header");
        }
        return admitted;
    }

    private static String token(CallAudited last) {
        com.google.protobuf.Timestamp at = last.getHeader().getOccurredAt();
        String position = at.getSeconds() + ":" + at.getNanos() + ":" + last.getHeader().getEventId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static AuditStore.Position after(String token) {
        if (token.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
            return new AuditStore.Position(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    parts[2]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw DomainException.invalid("page_token is not one this service gave: pass next_page_token as it came");
        }
    }

    private static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
