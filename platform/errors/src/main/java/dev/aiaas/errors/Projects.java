package dev.aiaas.errors;

/**
 * Projects, the unit of isolation: every dataset, pipeline, job, model, endpoint, metric and
 * audit entry belongs to one, names are unique within it, and one project's resources are
 * invisible to another's. A project exists when a grant names it (the {@code groups} claim of a
 * token, {@code project:role}); its name keeps the {@link Names} rule.
 */
public final class Projects {

    /** The project of a call or record that names none, and the one data from before projects moved into. */
    public static final String DEFAULT = "default";

    /** The request header (gRPC metadata) and Kafka record header that names the project. */
    public static final String HEADER = "aiaas-project";

    private Projects() {
    }

    /** Whether {@code project} could name a project (it keeps the name rule). */
    public static boolean valid(String project) {
        return Names.valid(project);
    }

    /**
     * {@code project}, or {@link #DEFAULT} when it is blank (a message from before projects).
     *
     * @throws DomainException INVALID_ARGUMENT when it breaks the name rule
     */
    public static String orDefault(String project) {
        return project == null || project.isBlank() ? DEFAULT : Names.require("project", project.strip());
    }
}
