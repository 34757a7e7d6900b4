package dev.aiaas.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where a failed command becomes a message and an exit code: a service's error
 * is printed as it answered it ({@code aiaas: NOT_FOUND: no dataset named 'x'}) with the code
 * {@link ExitCodes#of} gives it; the command line's own failures carry theirs.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    static final String UNREACHABLE_HINT = "  is the stack running? ./aiaas up (in another terminal) starts it";

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        Throwable cause = unwrap(failure);
        int exit = report(cause, err);
        err.flush();
        return exit;
    }

    /** Prints what went wrong and returns the exit code for it. */
    static int report(Throwable cause, PrintWriter err) {
        if (cause instanceof StatusRuntimeException e) {
            Status status = e.getStatus();
            err.println("aiaas: " + status.getCode() + ": "
                    + (status.getDescription() == null ? describe(status) : status.getDescription()));
            int exit = ExitCodes.of(status.getCode());
            if (exit == ExitCodes.UNREACHABLE) {
                err.println(UNREACHABLE_HINT);
            } else if (exit == ExitCodes.DENIED) {
                err.println("  the token (--token, AIAAS_TOKEN, else one minted with the local stack's key) "
                        + "lacks a role for this in the project (--project, AIAAS_PROJECT)");
            }
            return exit;
        }
        if (cause instanceof CommandFailure e) {
            err.println("aiaas: " + e.getMessage());
            return e.exitCode();
        }
        if (cause instanceof NoSuchFileException e) {
            err.println("aiaas: no such file: " + e.getFile());
            return ExitCodes.USAGE;
        }
        if (cause instanceof IOException || cause instanceof UncheckedIOException) {
            err.println("aiaas: " + cause.getMessage());
            return ExitCodes.USAGE;
        }
        if (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
            err.println("aiaas: " + cause.getMessage());
            return ExitCodes.ERROR;
        }
        err.println("aiaas: " + cause);
        return ExitCodes.ERROR;
    }

    /** The failure a wrapper (a future, a picocli execution) carries. */
    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CommandLine.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Status status) {
        return status.getCause() == null ? "(the service gave no message)" : status.getCause().toString();
    }
}
