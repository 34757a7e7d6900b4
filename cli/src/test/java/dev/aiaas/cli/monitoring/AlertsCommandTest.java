package dev.aiaas.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.cli.StandInStack;
import dev.aiaas.proto.monitoring.v1.Alert;
import dev.aiaas.proto.monitoring.v1.AlertKind;
import dev.aiaas.proto.monitoring.v1.AlertRule;
import dev.aiaas.proto.monitoring.v1.AlertRules;
import dev.aiaas.proto.monitoring.v1.AlertState;
import dev.aiaas.proto.monitoring.v1.ListAlertsRequest;
import dev.aiaas.proto.monitoring.v1.ListAlertsResponse;
import dev.aiaas.proto.monitoring.v1.SetAlertRulesRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiaas alerts rules} and {@code aiaas alerts list} against a stand-in of monitoring: the
 * rules sent (the shared flags laid over each), what is listed, and what is printed.
 */
class AlertsCommandTest {

    private static final AlertRule SLOW = AlertRule.newBuilder().setName("slow").setKind(AlertKind.LATENCY_P99)
            .setThreshold(0.25).setForEvaluations(2).setClearEvaluations(2).setSeverity("warning").build();
    private static final AlertRule WORSE = AlertRule.newBuilder().setName("worse").setKind(AlertKind.ACCURACY)
            .setThreshold(0.05).setBaselineAccuracy(0.95).setMinSamples(50).setForEvaluations(3)
            .setClearEvaluations(2).setSeverity("critical").build();

    @TempDir
    Path home;

    private final MonitoringStandIn monitoring = new MonitoringStandIn();
    private StandInStack stack;

    @BeforeEach
    void start() throws Exception {
        stack = new StandInStack(home, monitoring);
    }

    @AfterEach
    void stop() throws InterruptedException {
        stack.close();
    }

    @Test
    void rulesWithoutFlagsPrintWhenEachFiresAndSetNothing() {
        monitoring.rules = AlertRules.newBuilder().addRules(SLOW).addRules(WORSE).build();

        int exit = stack.run("alerts", "rules", "penguins");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(stack.out()).containsPattern("endpoint: +penguins")
                .containsPattern("(?m)^RULE +KIND +FIRES WHEN +FOR +CLEAR +SEVERITY$")
                .containsPattern("(?m)^slow +latency-p99 +p99 latency > 0.25 s +2 +2 +warning$")
                .containsPattern("(?m)^worse +accuracy +accuracy < 0.95 - 0.05 \\(in a window of 50\\+ judged rows\\) "
                        + "+3 +2 +critical$");
        assertThat(monitoring.rulesSet).isEmpty();
    }

    @Test
    void noRulesSaysHowToSetThem() {
        assertThat(stack.run("alerts", "rules", "penguins")).isZero();
        assertThat(stack.out()).contains("no alert rules: set them with aiaas alerts rules penguins --rule");
    }

    @Test
    void theRulesGivenReplaceTheEndpointsWithTheSharedFlagsLaidOverEach() {
        int exit = stack.run("alerts", "rules", "penguins", "--rule", "slow:latency-p99:0.25", "--rule",
                "worse:accuracy:0.05", "--rule", "drifted:drift", "--rule", "quiet:traffic-drop:0.5",
                "--baseline-accuracy", "0.95", "--min-samples", "80", "--for", "3", "--clear", "4", "--severity",
                "Critical");

        assertThat(exit).as(stack.err()).isZero();
        AlertRule shared = AlertRule.newBuilder().setForEvaluations(3).setClearEvaluations(4).setSeverity("critical")
                .build();
        assertThat(monitoring.rulesSet).singleElement().isEqualTo(SetAlertRulesRequest.newBuilder()
                .setEndpoint("penguins")
                .addRules(shared.toBuilder().setName("slow").setKind(AlertKind.LATENCY_P99).setThreshold(0.25))
                .addRules(shared.toBuilder().setName("worse").setKind(AlertKind.ACCURACY).setThreshold(0.05)
                        .setBaselineAccuracy(0.95).setMinSamples(80))
                .addRules(shared.toBuilder().setName("drifted").setKind(AlertKind.DRIFT))
                .addRules(shared.toBuilder().setName("quiet").setKind(AlertKind.TRAFFIC_DROP).setThreshold(0.5))
                .build());
        assertThat(stack.out()).containsPattern("(?m)^drifted +drift +the input drifted \\(by the drift policy\\) "
                + "+3 +4 +critical$").containsPattern("(?m)^quiet +traffic-drop +requests < 0.5 of the hour before's");
    }

    @Test
    void noneRemovesEveryRule() {
        monitoring.rules = AlertRules.newBuilder().addRules(SLOW).build();

        assertThat(stack.run("alerts", "rules", "penguins", "--none")).isZero();

        assertThat(monitoring.rulesSet).singleElement()
                .isEqualTo(SetAlertRulesRequest.newBuilder().setEndpoint("penguins").build());
        assertThat(stack.out()).contains("no alert rules");
    }

    @Test
    void jsonOutputIsTheRulesTheServiceAnswered() throws Exception {
        monitoring.rules = AlertRules.newBuilder().addRules(SLOW).addRules(WORSE).build();

        assertThat(stack.run("alerts", "rules", "penguins", "--output", "json")).isZero();

        AlertRules.Builder printed = AlertRules.newBuilder();
        JsonFormat.parser().merge(stack.out(), printed);
        assertThat(printed.build()).isEqualTo(monitoring.rules.toBuilder().setEndpoint("penguins").build());
    }

    @Test
    void aRuleOrSharedFlagThatCannotBeSetIsAUsageErrorNamingTheFlagAndNothingIsSet() {
        List<List<String>> wrong = List.of(List.of("--rule", "slow:latency-p99"), List.of("--rule", "x:speed:1"),
                List.of("--rule", "d:drift:0.3"), List.of("--rule", "e:error-rate:1.5"), List.of("--rule", "slow"),
                List.of("--rule", "a:error-rate:0.1", "--rule", "a:latency-p99:1"),
                List.of("--rule", "w:accuracy:0.05"),
                List.of("--rule", "s:latency-p99:1", "--baseline-accuracy", "0.9"),
                List.of("--rule", "s:latency-p99:1", "--for", "0"),
                List.of("--rule", "s:latency-p99:1", "--severity", "loud"),
                List.of("--rule", "s:latency-p99:1", "--none"), List.of("--for", "3"));
        for (List<String> flags : wrong) {
            String[] args = Stream.concat(Stream.of("alerts", "rules", "penguins"), flags.stream())
                    .toArray(String[]::new);
            assertThat(stack.run(args)).as(flags.toString()).isEqualTo(2);
        }

        assertThat(stack.err())
                .contains("Invalid value for option '--rule' (NAME:KIND[:THRESHOLD]): 'slow:latency-p99': give the p99")
                .contains("'speed' is not one of [drift, accuracy, latency-p99, error-rate, traffic-drop]")
                .contains("'d:drift:0.3': a drift rule takes no threshold")
                .contains("'e:error-rate:1.5': give the share of failed requests, in (0, 1)")
                .contains("'slow' is not NAME:KIND[:THRESHOLD]")
                .contains("two --rule are named a")
                .contains("an accuracy rule needs --baseline-accuracy X")
                .contains("--baseline-accuracy and --min-samples apply to accuracy rules, and no --rule is one")
                .contains("--for is a number of checks, 1 to 1000, not 0")
                .contains("--severity is info, warning or critical, not 'loud'")
                .contains("--none removes every rule: give it without --rule")
                .contains("apply to the rules given: name them with --rule");
        assertThat(monitoring.rulesSet).isEmpty();
    }

    @Test
    void alertsAreListedWithTheFigureTheyFiredAndResolvedOnAgainstTheThreshold() {
        monitoring.alerts = List.of(
                alert("a2", "slow", AlertKind.LATENCY_P99, AlertState.FIRING, 0.4123456, 0, 0.25),
                alert("a1", "worse", AlertKind.ACCURACY, AlertState.RESOLVED, 0.87, 0.93, 0.9).toBuilder()
                        .setEndsAt(seconds(1_764_000_600)).build());

        int exit = stack.run("alerts", "list", "penguins", "--limit", "5");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(monitoring.alertsAsked).isEqualTo(ListAlertsRequest.newBuilder().setEndpoint("penguins").setLimit(5)
                .build());
        List<String> lines = stack.out().lines().toList();
        assertThat(lines.get(0)).matches("STARTED +ENDED +ENDPOINT +RULE +KIND +SEVERITY +STATE +VALUE VS THRESHOLD "
                + "+SUMMARY");
        assertThat(lines.get(1)).containsPattern(" +- +penguins +slow +latency-p99 +warning +firing +0.4123 vs 0.25 "
                + "+slow breached$");
        assertThat(lines.get(2)).containsPattern(" penguins +worse +accuracy +warning +resolved +0.87 vs 0.9, "
                + "resolved at 0.93 +worse breached$");
    }

    @Test
    void firingAsksForFiringAlertsOfEveryEndpointAndJsonIsTheServicesAnswer() throws Exception {
        monitoring.alerts = List.of(alert("a2", "slow", AlertKind.LATENCY_P99, AlertState.FIRING, 0.4, 0, 0.25));

        assertThat(stack.run("alerts", "list", "--firing", "--output", "json")).isZero();

        assertThat(monitoring.alertsAsked).isEqualTo(ListAlertsRequest.newBuilder().setState(AlertState.FIRING)
                .build());
        ListAlertsResponse.Builder printed = ListAlertsResponse.newBuilder();
        JsonFormat.parser().merge(stack.out(), printed);
        assertThat(printed.build().getAlertsList()).isEqualTo(monitoring.alerts);
    }

    @Test
    void noneFiringIsSaidAndALimitOutOfRangeIsAUsageError() {
        assertThat(stack.run("alerts", "list", "--firing")).isZero();
        assertThat(stack.out()).contains("no alert is firing");

        assertThat(stack.run("alerts", "list", "--limit", "0")).isEqualTo(2);
        assertThat(stack.err()).contains("--limit is how many to list, 1 to 1000, not 0");
    }

    private static Alert alert(String id, String rule, AlertKind kind, AlertState state, double fired, double resolved,
            double threshold) {
        return Alert.newBuilder().setId(id).setEndpoint("penguins").setRule(rule).setKind(kind).setSeverity("warning")
                .setState(state).setFiredValue(fired).setResolvedValue(resolved).setThreshold(threshold)
                .setSummary(rule + " breached").setStartsAt(seconds(1_764_000_000)).build();
    }

    private static Timestamp seconds(long seconds) {
        return Timestamp.newBuilder().setSeconds(seconds).build();
    }
}
