package dev.aiaas.security;

import dev.aiaas.proto.common.v1.Access;
import java.util.Optional;

/** What a user may do in one project; each role includes the ones before it. */
public enum Role {
    /** Read and predict. */
    VIEWER,
    /** Also ingest, prepare, train and deploy. */
    EDITOR,
    /** Also move and delete aliases, delete, and grant. */
    ADMIN;

    /** Whether this role may call an RPC that needs {@code access}; never a service-only one. */
    public boolean allows(Access access) {
        return switch (access) {
            case VIEWER -> true;
            case EDITOR -> this != VIEWER;
            case ADMIN -> this == ADMIN;
            case SERVICE, ACCESS_UNSPECIFIED, UNRECOGNIZED -> false;
        };
    }

    /** The higher of this role and {@code other}. */
    public Role atLeast(Role other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The role a grant names; empty for none ({@code ROLE_UNSPECIFIED}: revoked). */
    public static Optional<Role> of(dev.aiaas.proto.access.v1.Role granted) {
        return switch (granted) {
            case VIEWER -> Optional.of(VIEWER);
            case EDITOR -> Optional.of(EDITOR);
            case ADMIN -> Optional.of(ADMIN);
            case ROLE_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }

    /** This role as a grant names it. */
    public dev.aiaas.proto.access.v1.Role toProto() {
        return switch (this) {
            case VIEWER -> dev.aiaas.proto.access.v1.Role.VIEWER;
            case EDITOR -> dev.aiaas.proto.access.v1.Role.EDITOR;
            case ADMIN -> dev.aiaas.proto.access.v1.Role.ADMIN;
        };
    }
}
