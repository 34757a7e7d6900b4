package dev.aiaas.cli;

/**
 * An outcome the command line reports with its own exit code and message, as opposed to an
 * error a service answered: records were rejected, a job failed, a question went unanswered.
 */
public final class CommandFailure extends RuntimeException {

    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Rejected records or a job that did not succeed ({@value ExitCodes#REJECTED_OR_FAILED}). */
    public static CommandFailure rejectedOrFailed(String message) {
        return new CommandFailure(ExitCodes.REJECTED_OR_FAILED, message);
    }

    /** A request the command line refuses before sending it ({@value ExitCodes#USAGE}). */
    public static CommandFailure usage(String message) {
        return new CommandFailure(ExitCodes.USAGE, message);
    }

    /** A request that cannot be made in the state things are in ({@value ExitCodes#REFUSED}). */
    public static CommandFailure refused(String message) {
        return new CommandFailure(ExitCodes.REFUSED, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
