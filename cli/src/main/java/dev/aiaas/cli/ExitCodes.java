package dev.aiaas.cli;

import io.grpc.Status;

/**
 * The exit status of every command, by outcome; the top command's help lists them (see
 * {@link #HELP}) so scripts can branch on them.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** A server error not listed below (INTERNAL, UNKNOWN, RESOURCE_EXHAUSTED, …), or a local one. */
    public static final int ERROR = 1;
    /** Wrong options or arguments. */
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    /** UNAUTHENTICATED or PERMISSION_DENIED. */
    public static final int DENIED = 4;
    /** UNAVAILABLE or DEADLINE_EXCEEDED: the stack is not running or not answering. */
    public static final int UNREACHABLE = 5;
    /** INVALID_ARGUMENT, FAILED_PRECONDITION or ALREADY_EXISTS. */
    public static final int REFUSED = 6;
    /** Records were rejected, or a training job did not succeed. */
    public static final int REJECTED_OR_FAILED = 7;

    /** The exit codes as the help footer lists them. */
    public static final String[] HELP = {
        "Exit codes:",
        "  0  ok",
        "  1  an error not listed below (a server's INTERNAL, UNKNOWN, ...)",
        "  2  usage error (unknown option, missing argument, unreadable file)",
        "  3  NOT_FOUND",
        "  4  UNAUTHENTICATED or PERMISSION_DENIED",
        "  5  UNAVAILABLE or DEADLINE_EXCEEDED (is the stack running? ./aiaas up)",
        "  6  INVALID_ARGUMENT, FAILED_PRECONDITION or ALREADY_EXISTS",
        "  7  records were rejected, or a training job failed or was cancelled",
    };

    private ExitCodes() {
    }

    /** The exit code for an error a service answered with {@code code}. */
    public static int of(Status.Code code) {
        return switch (code) {
            case OK -> OK;
            case NOT_FOUND -> NOT_FOUND;
            case UNAUTHENTICATED, PERMISSION_DENIED -> DENIED;
            case UNAVAILABLE, DEADLINE_EXCEEDED -> UNREACHABLE;
            case INVALID_ARGUMENT, FAILED_PRECONDITION, ALREADY_EXISTS -> REFUSED;
            default -> ERROR;
        };
    }
}
