package dev.aiaas.security;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.access.v1.Grant;
import dev.aiaas.proto.events.v1.GrantChanged;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The roles the platform keeps (granted through the registry's AccessService), by subject and
 * project: every service's copy of the compacted topic {@value Topics#ACCESS_GRANTS}, fed in
 * the order the changes were made. Reads never block on a change being applied.
 */
public final class GrantDirectory {

    private final ConcurrentMap<String, Map<String, Role>> bySubject = new ConcurrentHashMap<>();

    /** The roles granted to {@code subject}, by project; empty when none. */
    public Map<String, Role> of(String subject) {
        return bySubject.getOrDefault(subject, Map.of());
    }

    /** How many subjects hold a granted role. */
    public int subjects() {
        return bySubject.size();
    }

    /**
     * Applies one record of {@value Topics#ACCESS_GRANTS}.
     *
     * @throws InvalidProtocolBufferException when the value is not a {@link GrantChanged}
     * @throws IllegalArgumentException       when it does not name a project and subject that match its key
     */
    public void apply(String key, byte[] value) throws InvalidProtocolBufferException {
        if (value == null) {
            return; // a tombstone: the registry never writes one, and the record it would follow stays in force
        }
        Grant grant = GrantChanged.parseFrom(value).getGrant();
        if (grant.getProject().isEmpty() || grant.getSubject().isEmpty()
                || !Topics.grantKey(grant.getProject(), grant.getSubject()).equals(key)) {
            throw new IllegalArgumentException("a grant record must name the project and subject of its key '" + key
                    + "'; it names '" + grant.getProject() + "' and '" + grant.getSubject() + "'");
        }
        Role role = Role.of(grant.getRole()).orElse(null);
        bySubject.compute(grant.getSubject(), (subject, held) -> {
            Map<String, Role> roles = held == null ? new HashMap<>() : new HashMap<>(held);
            if (role == null) {
                roles.remove(grant.getProject());
            } else {
                roles.put(grant.getProject(), role);
            }
            return roles.isEmpty() ? null : Map.copyOf(roles);
        });
    }
}
