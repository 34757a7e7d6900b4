package dev.aiaas.security;

/** The projects an installation has. Until projects can be created, there is one. */
public final class Projects {

    /** The project every resource belongs to, and existing data moved into. */
    public static final String DEFAULT = "default";

    /** The request header (gRPC metadata) that names the project a call is for. */
    public static final String HEADER = "aiaas-project";

    private Projects() {
    }

    public static boolean exists(String project) {
        return DEFAULT.equals(project);
    }
}
