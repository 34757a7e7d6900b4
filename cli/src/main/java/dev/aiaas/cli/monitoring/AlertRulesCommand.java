package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.monitoring.v1.AlertKind;
import dev.aiaas.proto.monitoring.v1.AlertRule;
import dev.aiaas.proto.monitoring.v1.AlertRules;
import dev.aiaas.proto.monitoring.v1.GetAlertRulesRequest;
import dev.aiaas.proto.monitoring.v1.SetAlertRulesRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas alerts rules ENDPOINT}: the endpoint's alert rules; shown, or replaced by the {@code --rule}s given. */
@Command(name = "rules", description = {"Show or replace the rules that raise an endpoint's alerts.",
    "Without flags it prints the rules. --rule (repeated) replaces them all; the other flags apply to every --rule "
        + "given (--baseline-accuracy and --min-samples to its accuracy rules); --none removes every rule. A rule "
        + "kept by name keeps its alert's progress. KIND and THRESHOLD:",
    "  drift                input drifted, by the drift policy (no threshold)",
    "  accuracy[:MARGIN]    accuracy < --baseline-accuracy minus MARGIN (0)",
    "  latency-p99:SECONDS  p99 latency > SECONDS",
    "  error-rate:SHARE     failed requests' share > SHARE, in (0, 1)",
    "  traffic-drop:SHARE   requests < SHARE of the hour before's, in (0, 1)",
    "  aiaas alerts rules penguins --rule slow:latency-p99:0.25 --severity critical",
    "  aiaas alerts rules penguins --rule worse:accuracy --baseline-accuracy 0.95"})
final class AlertRulesCommand extends ApiCommand {

    private static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");
    private static final int MOST_EVALUATIONS = 1000;

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint (it may not have served yet)")
    String endpoint;

    @Option(names = "--rule", paramLabel = "NAME:KIND[:THRESHOLD]", converter = AlertRuleFlag.class,
            description = "a rule (repeated); the rules given replace the endpoint's")
    List<AlertRule> rules;

    @Option(names = "--baseline-accuracy", paramLabel = "X", description = "accuracy rules: the serving version's "
            + "test accuracy, in (0, 1] (aiaas models show)")
    Double baselineAccuracy;

    @Option(names = "--min-samples", paramLabel = "N", description = "accuracy rules: the fewest judged rows a "
            + "window needs to be read (default 50)")
    Integer minSamples;

    @Option(names = "--for", paramLabel = "N",
            description = "breaching checks in a row before a rule fires (default 2)")
    Integer forEvaluations;

    @Option(names = "--clear", paramLabel = "N", description = "clear checks in a row before it resolves (default 2)")
    Integer clearEvaluations;

    @Option(names = "--severity", paramLabel = "S", description = "info, warning or critical (default warning)")
    String severity;

    @Option(names = "--none", description = "remove every rule of the endpoint")
    boolean none;

    @Override
    protected int run(Session session) {
        boolean shared = Stream.of(baselineAccuracy, minSamples, forEvaluations, clearEvaluations, severity)
                .anyMatch(flag -> flag != null);
        if (rules == null && shared) {
            throw CommandFailure.usage("--baseline-accuracy, --min-samples, --for, --clear and --severity apply to the "
                    + "rules given: name them with --rule NAME:KIND[:THRESHOLD]");
        }
        if (rules == null && !none) {
            AlertRules current = session.services().monitoring().getAlertRules(GetAlertRulesRequest.newBuilder()
                    .setEndpoint(endpoint).build());
            session.printer().print(current, () -> AlertsView.rules(current));
            return ExitCodes.OK;
        }
        if (rules != null && none) {
            throw CommandFailure.usage("--none removes every rule: give it without --rule");
        }
        AlertRules set = session.services().monitoring().setAlertRules(SetAlertRulesRequest.newBuilder()
                .setEndpoint(endpoint).addAllRules(none ? List.of() : rules()).build());
        session.printer().print(set, () -> AlertsView.rules(set));
        return ExitCodes.OK;
    }

    /**
     * The --rule flags with the shared flags laid over each.
     *
     * @throws CommandFailure (usage) for two rules of one name, an accuracy rule without its
     *                        baseline, or a shared flag out of its range
     */
    List<AlertRule> rules() {
        Set<String> names = new HashSet<>();
        rules.stream().filter(rule -> !names.add(rule.getName())).findFirst().ifPresent(rule -> {
            throw CommandFailure.usage("two --rule are named " + rule.getName() + ": give each its own name");
        });
        boolean accuracy = rules.stream().anyMatch(rule -> rule.getKind() == AlertKind.ACCURACY);
        if (!accuracy && (baselineAccuracy != null || minSamples != null)) {
            throw CommandFailure.usage("--baseline-accuracy and --min-samples apply to accuracy rules, and no --rule "
                    + "is one (NAME:accuracy[:MARGIN])");
        }
        if (accuracy && !(baselineAccuracy != null && baselineAccuracy > 0 && baselineAccuracy <= 1)) {
            throw CommandFailure.usage("an accuracy rule needs --baseline-accuracy X, the serving version's test "
                    + "accuracy in (0, 1] (aiaas models show)" + (baselineAccuracy == null ? "" : ", not "
                    + baselineAccuracy));
        }
        List<AlertRule> laid = new ArrayList<>();
        for (AlertRule rule : rules) {
            AlertRule.Builder with = rule.toBuilder();
            if (rule.getKind() == AlertKind.ACCURACY) {
                with.setBaselineAccuracy(baselineAccuracy);
                if (minSamples != null) {
                    with.setMinSamples(between(minSamples, 1, Integer.MAX_VALUE, "--min-samples", "judged rows"));
                }
            }
            if (forEvaluations != null) {
                with.setForEvaluations(between(forEvaluations, 1, MOST_EVALUATIONS, "--for", "checks"));
            }
            if (clearEvaluations != null) {
                with.setClearEvaluations(between(clearEvaluations, 1, MOST_EVALUATIONS, "--clear", "checks"));
            }
            if (severity != null) {
                with.setSeverity(severity());
            }
            laid.add(with.build());
        }
        return laid;
    }

    private String severity() {
        String wanted = severity.strip().toLowerCase(Locale.ROOT);
        if (!SEVERITIES.contains(wanted)) {
            throw CommandFailure.usage("--severity is info, warning or critical, not '" + severity + "'");
        }
        return wanted;
    }

    private static int between(int value, int least, int most, String flag, String what) {
        if (value < least || value > most) {
            throw CommandFailure.usage(flag + " is a number of " + what + ", " + least
                    + (most == Integer.MAX_VALUE ? " or more" : " to " + most) + ", not " + value);
        }
        return value;
    }
}
