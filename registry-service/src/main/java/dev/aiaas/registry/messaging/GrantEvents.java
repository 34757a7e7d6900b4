package dev.aiaas.registry.messaging;

import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Outbox;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.access.v1.Grant;
import dev.aiaas.proto.access.v1.Role;
import dev.aiaas.proto.events.v1.GrantChanged;
import dev.aiaas.registry.model.ProjectGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Records each grant change on {@value Topics#ACCESS_GRANTS}, keyed by project and subject, in
 * the transaction of the change (the outbox relay publishes it): every service reads the topic
 * into its {@code GrantDirectory}.
 */
@ApplicationScoped
public class GrantEvents {

    private static final String SOURCE = "registry-service";

    @Inject
    DataSource dataSource;

    public void granted(ProjectGrant grant) throws SQLException {
        append(grant.project(), grant.subject(), grant.role().toProto(), grant.grantedBy(), grant.grantedAt());
    }

    public void revoked(String project, String subject, String revokedBy) throws SQLException {
        append(project, subject, Role.ROLE_UNSPECIFIED, revokedBy, Instant.now());
    }

    private void append(String project, String subject, Role role, String by, Instant at) throws SQLException {
        GrantChanged event = GrantChanged.newBuilder().setHeader(EventHeaders.newHeader(SOURCE, project))
                .setGrant(Grant.newBuilder().setProject(project).setSubject(subject).setRole(role).setGrantedBy(by)
                        .setGrantedAt(EventHeaders.timestamp(at)))
                .build();
        try (Connection connection = dataSource.getConnection()) {
            Outbox.append(connection, "outbox", Topics.ACCESS_GRANTS, Topics.grantKey(project, subject), event);
        }
    }
}
