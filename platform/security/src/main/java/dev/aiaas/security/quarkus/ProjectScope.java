package dev.aiaas.security.quarkus;

import dev.aiaas.errors.Projects;
import dev.aiaas.security.Admission;
import io.grpc.Context;
import java.util.function.Supplier;

/**
 * The project the work at hand is for. On a gRPC call it is the project the call was admitted
 * for ({@link CallerAccess}); work that starts elsewhere — a Kafka record, a training worker, a
 * reconcile loop — names its project with {@link #within}. Calls to other services made meanwhile
 * carry it in the {@value Projects#HEADER} header ({@link ServiceIdentity}), so a service acting
 * for a project is answered from that project only.
 */
public final class ProjectScope {

    /** The current project, set by {@link CallerAccess} for a call and by {@link #within} for other work. */
    static final Context.Key<String> PROJECT = Context.key("aiaas-project");

    private ProjectScope() {
    }

    /** The current project: the admitted call's or the one {@link #within} names, else {@link Projects#DEFAULT}. */
    public static String current() {
        String named = PROJECT.get();
        return named == null ? Projects.DEFAULT : named;
    }

    /** The project a call is for: the admission's, or (security off, or a service naming none) the header's. */
    static String of(Admission admission, String header) {
        if (admission != null && !admission.project().isBlank()) {
            return admission.project();
        }
        return Projects.orDefault(header);
    }

    /** Runs {@code work} for {@code project}: {@link #current()} is it, and calls to peers carry it. */
    public static <T> T within(String project, Supplier<T> work) {
        Context scoped = Context.current().withValue(PROJECT, Projects.orDefault(project));
        Context previous = scoped.attach();
        try {
            return work.get();
        } finally {
            scoped.detach(previous);
        }
    }

    /** {@link #within} for work without a result. */
    public static void run(String project, Runnable work) {
        within(project, () -> {
            work.run();
            return null;
        });
    }
}
