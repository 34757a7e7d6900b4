package dev.aiaas.security;

import dev.aiaas.errors.Projects;
import dev.aiaas.proto.common.v1.Access;
import io.grpc.Status;
import java.util.Locale;

/**
 * The one decision every service makes before a call runs, for gRPC and REST alike: is there
 * a valid bearer token, which project is the call for, and may the caller do what the method
 * needs there. A user's role in a project is the higher of the one their token's groups claim
 * gives and the one the platform keeps ({@link GrantDirectory}). A project the caller holds no
 * role in answers NOT_FOUND, as one that does not exist does, so names do not leak.
 */
public final class AccessGate {

    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;
    private final GrantDirectory granted;

    /** A gate that knows only the roles tokens carry. */
    public AccessGate(TokenVerifier verifier) {
        this(verifier, new GrantDirectory());
    }

    public AccessGate(TokenVerifier verifier, GrantDirectory granted) {
        this.verifier = verifier;
        this.granted = granted;
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param project       the {@value Projects#HEADER} header, or null for the token's only project
     * @param access        what the method needs
     * @param method        the method's name, for messages
     * @return the caller, allowed, and the project
     */
    public Admission admit(String authorization, String project, Access access, String method) throws AccessDenied {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AccessDenied(Status.Code.UNAUTHENTICATED, method + " needs a bearer token: send "
                    + "'Authorization: Bearer <token>' (./aiaas token mints one for the local stack)");
        }
        Caller verified = verifier.verify(authorization.substring(BEARER.length()).trim());
        Caller caller = verified.service() ? verified : verified.withGranted(granted.of(verified.subject()));
        if (access == Access.ACCESS_UNSPECIFIED || access == Access.UNRECOGNIZED) {
            throw new AccessDenied(Status.Code.PERMISSION_DENIED, method + " states no access in its proto options");
        }
        if (caller.service()) {
            return new Admission(caller, project == null ? "" : project.trim());
        }
        if (access == Access.SERVICE) {
            throw new AccessDenied(Status.Code.PERMISSION_DENIED, method + " is called by the platform's services only",
                    caller.subject());
        }
        String target = project(caller, project);
        Role role = caller.grants().get(target);
        if (role == null || !Projects.valid(target)) {
            throw new AccessDenied(Status.Code.NOT_FOUND, "no project '" + target + "' that " + caller.subject()
                    + " can see: ask an admin of it for a role", caller.subject());
        }
        if (!role.allows(access)) {
            throw new AccessDenied(Status.Code.PERMISSION_DENIED, method + " needs the role "
                    + access.name().toLowerCase(Locale.ROOT) + " in project " + target + "; "
                    + caller.subject() + " is " + role.name().toLowerCase(Locale.ROOT), caller.subject());
        }
        return new Admission(caller, target);
    }

    private static String project(Caller caller, String named) throws AccessDenied {
        if (named != null && !named.isBlank()) {
            return named.trim();
        }
        if (caller.grants().size() == 1) {
            return caller.grants().keySet().iterator().next();
        }
        if (caller.grants().isEmpty()) {
            throw new AccessDenied(Status.Code.PERMISSION_DENIED, caller.subject()
                    + " holds no role in any project (the token's groups claim has no 'project:role' entry, "
                    + "and no admin has granted one)",
                    caller.subject());
        }
        throw new AccessDenied(Status.Code.INVALID_ARGUMENT, "the token grants roles in several projects "
                + caller.grants().keySet() + ": name one in the " + Projects.HEADER + " header", caller.subject());
    }
}
