package dev.aiaas.registry.model;

import dev.aiaas.security.Role;
import java.time.Instant;

/** A role granted to a subject in a project, by whom and when. */
public record ProjectGrant(String project, String subject, Role role, String grantedBy, Instant grantedAt) {
}
