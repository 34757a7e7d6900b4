package dev.aiaas.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.aiaas.testing.ServerStartException;

/**
 * {@code java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" dev.aiaas.localstack.Main up|status|down}: what {@code ./aiaas up},
 * {@code ./aiaas status} and {@code ./aiaas down} run. See {@link CommandLine#USAGE}.
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    private static final int USAGE_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code; a successful {@code up} returns only at JVM exit. */
    static int run(String[] args) {
        Progress progress = new Progress(System.out);
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            System.out.println(CommandLine.USAGE);
            return args.length == 0 ? USAGE_ERROR : 0;
        }
        String command = args[0];
        List<String> flags = Arrays.asList(args).subList(1, args.length);
        if (command.equals("compose-env")) {
            return new ComposeEnvironment(RepositoryRoot.find()).run(System.out);
        }
        StackOptions options;
        try {
            Path root = RepositoryRoot.find();
            RepositoryRoot.useBundledS3Proxy(root);
            options = CommandLine.options(root, flags, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("aiaas: " + e.getMessage());
            return USAGE_ERROR;
        }
        try {
            return switch (command) {
                case "up" -> {
                    LauncherLogging.launcherToFile(options.logDir().resolve("launcher.log"));
                    yield UpCommand.run(options, progress);
                }
                case "status" -> StatusCommand.run(options);
                case "down" -> DownCommand.run(options, progress);
                default -> {
                    System.err.println("aiaas: unknown command '" + command + "'" + System.lineSeparator()
                            + CommandLine.USAGE);
                    yield USAGE_ERROR;
                }
            };
        } catch (StackStartException | ServerStartException e) {
            System.err.println("aiaas: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // up logs to launcher.log; status and down to the terminal
            LOG.log(Level.SEVERE, "unexpected failure of " + command, e);
            System.err.println("aiaas: " + command + " failed: " + e + System.lineSeparator()
                    + (command.equals("up") ? "(the stack trace is in " + options.logDir().resolve("launcher.log")
                            + ")" : ""));
            return 1;
        }
    }
}
