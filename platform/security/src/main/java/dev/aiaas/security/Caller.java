package dev.aiaas.security;

import java.util.HashMap;
import java.util.Map;

/**
 * Who is calling, as their verified token says: a user with a role in each project granted
 * to them, or one of the platform's services.
 *
 * @param subject the token's subject (a user, or a service's name)
 * @param service whether the token was signed with the services' own key
 * @param grants  project name to the user's role in it (empty for a service)
 */
public record Caller(String subject, boolean service, Map<String, Role> grants) {

    public Caller {
        grants = Map.copyOf(grants);
    }

    /** This caller with the roles {@code granted} too: in each project, the higher of the two. */
    public Caller withGranted(Map<String, Role> granted) {
        if (granted.isEmpty()) {
            return this;
        }
        Map<String, Role> merged = new HashMap<>(grants);
        granted.forEach((project, role) -> merged.merge(project, role, Role::atLeast));
        return new Caller(subject, service, merged);
    }
}
