package dev.aiaas.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code aiaas} command line (see {@link AiaasCommand} for its commands). {@link #run} runs
 * it in-process against a given environment and terminal, without exiting, for tests.
 */
public final class Main {

    /** gRPC's transport logs start-up details at INFO: not for users. Held so the level sticks. */
    private static final java.util.logging.Logger GRPC_LOG = java.util.logging.Logger.getLogger("io.grpc");

    private Main() {
    }

    public static void main(String[] args) {
        GRPC_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(run(args, System.getenv(), Terminal.system()));
    }

    /** Runs one command line; returns its exit code (see {@link ExitCodes}). */
    public static int run(String[] args, Map<String, String> env, Terminal terminal) {
        return commandLine(env, terminal).execute(args);
    }

    /** The command tree with its handlers, writing to {@code terminal}. */
    static CommandLine commandLine(Map<String, String> env, Terminal terminal) {
        CommandLine cli = new CommandLine(new AiaasCommand(env, terminal));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(terminal.out(), true));
        cli.setErr(new PrintWriter(terminal.err(), true));
        cli.setExecutionExceptionHandler(new FailureHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        withExitCodes(cli);
        return cli;
    }

    /** Every command's help ends with the exit codes: a script calling any of them branches on those. */
    private static void withExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage().footerHeading("%n").footer(ExitCodes.HELP);
        command.getSubcommands().values().forEach(Main::withExitCodes);
    }
}
