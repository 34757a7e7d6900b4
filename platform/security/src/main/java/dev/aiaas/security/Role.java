package dev.aiaas.security;

import dev.aiaas.proto.common.v1.Access;

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
}
