package dev.aiaas.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that calls the services: it runs with a {@link Session} built from the global
 * options and returns its exit code; failures reach {@link FailureHandler}.
 */
public abstract class ApiCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (Session session = ((AiaasCommand) spec.root().userObject()).session()) {
            return run(session);
        }
    }

    /** Does the command's work; returns its exit code (see {@link ExitCodes}). */
    protected abstract int run(Session session) throws Exception;
}
