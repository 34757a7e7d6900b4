package dev.aiaas.cli;

import dev.aiaas.cli.access.AccessCommand;
import dev.aiaas.cli.datasets.DatasetsCommand;
import dev.aiaas.cli.jobs.JobsCommand;
import dev.aiaas.cli.models.AliasCommand;
import dev.aiaas.cli.models.ModelsCommand;
import dev.aiaas.cli.models.RollbackCommand;
import dev.aiaas.cli.monitoring.AlertsCommand;
import dev.aiaas.cli.monitoring.DriftCommand;
import dev.aiaas.cli.monitoring.FeedbackCommand;
import dev.aiaas.cli.monitoring.MetricsCommand;
import dev.aiaas.cli.monitoring.QualityCommand;
import dev.aiaas.cli.monitoring.RetrainingCommand;
import dev.aiaas.cli.output.OutputFormat;
import dev.aiaas.cli.output.Printer;
import dev.aiaas.cli.prepare.PrepareCommand;
import dev.aiaas.cli.serving.DeployCommand;
import dev.aiaas.cli.serving.EndpointsCommand;
import dev.aiaas.cli.serving.PredictCommand;
import dev.aiaas.cli.serving.TrafficCommand;
import dev.aiaas.cli.serving.UndeployCommand;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code aiaas <noun> <verb>}: the platform from the command line. The global options are
 * declared here once and accepted by every command ({@link ScopeType#INHERIT}).
 */
@Command(name = "aiaas", version = "aiaas command line 0.1.0",
        description = "AI models as a service, from the command line: datasets, preparation, training jobs, "
                + "models and aliases, endpoints and their traffic, predictions, monitoring, alerts, retraining and "
                + "grants.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            DatasetsCommand.class, PrepareCommand.class, JobsCommand.class, ModelsCommand.class,
            AliasCommand.class, RollbackCommand.class, DeployCommand.class, TrafficCommand.class, UndeployCommand.class,
            EndpointsCommand.class, PredictCommand.class, MetricsCommand.class, DriftCommand.class,
            QualityCommand.class, FeedbackCommand.class, AlertsCommand.class, RetrainingCommand.class,
            AccessCommand.class, TokenCommand.class, DemoCommand.class, CompletionCommand.class
        })
public final class AiaasCommand extends NounCommand {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "show this command's help and exit")
    boolean help;

    // Not inherited: prepare and jobs submit take --version N (a dataset version).
    @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version and exit")
    boolean version;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table", scope = ScopeType.INHERIT,
            description = "table, json (the service's answer as protobuf JSON) or yaml (the same data); "
                    + "default: ${DEFAULT-VALUE}")
    OutputFormat output;

    @Option(names = "--project", paramLabel = "PROJECT", scope = ScopeType.INHERIT,
            description = "the project to work in, sent as the aiaas-project header "
                    + "(default: $AIAAS_PROJECT, else the token's only project)")
    String project;

    @Option(names = "--token", paramLabel = "JWT", scope = ScopeType.INHERIT,
            description = "the bearer token to present (default: $AIAAS_TOKEN, else one minted with the local "
                    + "stack's key in $AIAAS_HOME: admin of the project)")
    String token;

    @Option(names = "--host", paramLabel = "HOST", scope = ScopeType.INHERIT,
            description = "the services' host, ports from $AIAAS_<SERVICE>_PORT (default: the addresses in "
                    + "$AIAAS_HOME/stack.json when a local stack wrote one, else $AIAAS_HOST or localhost)")
    String host;

    private final Map<String, String> env;
    private final Terminal terminal;

    public AiaasCommand(Map<String, String> env, Terminal terminal) {
        this.env = env;
        this.terminal = terminal;
    }

    /** A session for one command, with the global options as the command line gave them. */
    Session session() {
        return new Session(() -> Connection.resolve(env, host, token, project).open(),
                new Printer(output, terminal.out()), terminal);
    }

    String project() {
        return project;
    }

    Map<String, String> env() {
        return env;
    }

    Terminal terminal() {
        return terminal;
    }
}
