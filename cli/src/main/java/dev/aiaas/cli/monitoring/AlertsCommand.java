package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.NounCommand;
import picocli.CommandLine.Command;

/** {@code aiaas alerts …}: the rules that watch an endpoint, and the alerts they raised. */
@Command(name = "alerts", description = {"Alerts: the rules that watch an endpoint's drift, accuracy, latency, errors "
        + "and traffic, and the alerts they fired and resolved.",
    "Monitoring checks every rule every 30 seconds; a rule fires after --for breaching checks in a row and resolves "
        + "after --clear clear ones."},
        synopsisSubcommandLabel = "COMMAND", subcommands = {AlertRulesCommand.class, ListAlertsCommand.class})
public final class AlertsCommand extends NounCommand {
}
