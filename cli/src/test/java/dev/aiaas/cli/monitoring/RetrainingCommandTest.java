package dev.aiaas.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.cli.StandInStack;
import dev.aiaas.proto.monitoring.v1.Decision;
import dev.aiaas.proto.monitoring.v1.DecisionAction;
import dev.aiaas.proto.monitoring.v1.ListDecisionsRequest;
import dev.aiaas.proto.monitoring.v1.ListDecisionsResponse;
import dev.aiaas.proto.monitoring.v1.RetrainingPolicy;
import dev.aiaas.proto.monitoring.v1.RetrainingRun;
import dev.aiaas.proto.monitoring.v1.RunStage;
import dev.aiaas.proto.training.v1.Hyperparameters;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiaas retraining policy} and {@code aiaas retraining decisions} against a stand-in of
 * monitoring: the policy sent (only what the flags name changes), and what is printed.
 */
class RetrainingCommandTest {

    private static final RetrainingPolicy SET = RetrainingPolicy.newBuilder().setEndpoint("penguins").setEnabled(true)
            .addTriggerAlerts("accuracy-drop").setTriggerNewRecords(5000).setShadowShare(100).setShadowMinSamples(50)
            .setCanaryWeight(10).setCanaryMinSamples(100).setPromoteMargin(0.01).setRollbackMargin(0.02)
            .setMaxErrorRateIncrease(0.01).setMaxLatencyRatio(2).setStageTimeoutSeconds(86_400)
            .setHyperparameters(Hyperparameters.newBuilder().setEpochs(30).addHiddenUnits(32).addHiddenUnits(16)
                    .setWeightDecay(1e-4))
            .setLastRun(RetrainingRun.newBuilder().setId("run-7").setStage(RunStage.CANARY).setModelName("penguins")
                    .setChampionVersion(3).setChallengerVersion(4).setDataset("penguins").setDatasetVersion(5)
                    .setJobId("job-12").setStartedAt(seconds(1_764_000_000)).setStageStartedAt(seconds(1_764_003_600)))
            .setUpdatedAt(seconds(1_763_990_000))
            .build();

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
    void policyWithoutFlagsPrintsThePolicyAndItsLastRunAndSetsNothing() {
        monitoring.retraining = SET;

        int exit = stack.run("retraining", "policy", "penguins");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(stack.out()).containsPattern("enabled: +yes")
                .containsPattern("triggers: +alert accuracy-drop starts firing; or 5000 new rows the champion was not "
                        + "trained on")
                .containsPattern("shadow: +100% of requests copied to the challenger, until 50 paired requests")
                .containsPattern("canary: +10% of requests answered by the challenger, until 100 of them")
                .containsPattern("stage timeout: +1d")
                .containsPattern("retrain with: +the champion's hyperparameters, but 30 epochs, hidden \\[32, 16\\], "
                        + "weight decay 0.0001")
                .contains("last run run-7:")
                .containsPattern("stage: +canary since ")
                .containsPattern("champion→challenger: +penguins v3 → v4")
                .containsPattern("dataset: +penguins v5")
                .containsPattern("job: +job-12")
                .containsPattern("finished: +- \\(under way\\)");
        assertThat(monitoring.retrainingSet).isEmpty();
    }

    @Test
    void policyOfAnEndpointWithoutOneIsTheServicesNotFound() {
        assertThat(stack.run("retraining", "policy", "penguins")).isEqualTo(3);
        assertThat(stack.err()).contains("NOT_FOUND: endpoint 'penguins' has no retraining policy");
    }

    @Test
    void flagsChangeOnlyWhatTheyNameAndKeepTheRestOfThePolicyButNotItsRun() {
        monitoring.retraining = SET;

        int exit = stack.run("retraining", "policy", "penguins", "--on-alert", "slow", "--on-alert", "errors",
                "--canary-weight", "20", "--stage-timeout", "12h", "--learning-rate", "0.005", "--disable");

        assertThat(exit).as(stack.err()).isZero();
        RetrainingPolicy.Builder expected = SET.toBuilder().clearLastRun().clearUpdatedAt().setEnabled(false)
                .clearTriggerAlerts().addTriggerAlerts("slow").addTriggerAlerts("errors").setCanaryWeight(20)
                .setStageTimeoutSeconds(43_200);
        expected.getHyperparametersBuilder().setLearningRate(0.005);
        assertThat(monitoring.retrainingSet).singleElement()
                .satisfies(set -> assertThat(set.getPolicy()).isEqualTo(expected.build()));
        assertThat(stack.out()).containsPattern("enabled: +no \\(--enable turns it on\\)")
                .containsPattern("triggers: +alert slow, errors starts firing").containsPattern("stage timeout: +12h");
    }

    @Test
    void withoutAPolicyTheFlagsStartFromAnEmptyOneAndTheDefaultsAreShownAsSuch() {
        int exit = stack.run("retraining", "policy", "penguins", "--new-records", "5000", "--no-shadow", "--enable");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(monitoring.retrainingSet.get(0).getPolicy()).isEqualTo(RetrainingPolicy.newBuilder()
                .setEndpoint("penguins").setEnabled(true).setTriggerNewRecords(5000).setShadowMinSamples(-1).build());
        assertThat(stack.out()).containsPattern("shadow: +skipped")
                .containsPattern("canary: +10% \\(default\\) of requests answered by the challenger, until 100 "
                        + "\\(default\\)")
                .containsPattern("roll back: +when it is worse by more than 0.02 \\(default\\)")
                .containsPattern("(?m)retrain with: +the champion's hyperparameters$")
                .containsPattern("last run: +none yet");
    }

    @Test
    void everyFlagIsSentByTheProtosNames() {
        int exit = stack.run("retraining", "policy", "penguins", "--on-alert", "worse", "--new-records", "100",
                "--shadow-share", "50", "--shadow-samples", "40", "--canary-weight", "5", "--canary-samples", "60",
                "--promote-margin", "0.01", "--rollback-margin", "0.03", "--max-error-increase", "0.02",
                "--max-latency-ratio", "1.5", "--stage-timeout", "PT2H", "--epochs", "20", "--learning-rate", "0.01",
                "--batch-size", "64", "--hidden", "64,32", "--seed", "7", "--enable");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(monitoring.retrainingSet.get(0).getPolicy()).isEqualTo(RetrainingPolicy.newBuilder()
                .setEndpoint("penguins").setEnabled(true).addTriggerAlerts("worse").setTriggerNewRecords(100)
                .setShadowShare(50).setShadowMinSamples(40).setCanaryWeight(5).setCanaryMinSamples(60)
                .setPromoteMargin(0.01).setRollbackMargin(0.03).setMaxErrorRateIncrease(0.02).setMaxLatencyRatio(1.5)
                .setStageTimeoutSeconds(7200)
                .setHyperparameters(Hyperparameters.newBuilder().setEpochs(20).setLearningRate(0.01).setBatchSize(64)
                        .addHiddenUnits(64).addHiddenUnits(32).setSeed(7))
                .build());
    }

    @Test
    void zeroGivesAHyperparameterBackToTheChampions() {
        monitoring.retraining = SET;

        assertThat(stack.run("retraining", "policy", "penguins", "--epochs", "0", "--hidden", "0")).isZero();

        assertThat(monitoring.retrainingSet.get(0).getPolicy().getHyperparameters())
                .isEqualTo(Hyperparameters.newBuilder().setWeightDecay(1e-4).build());
    }

    @Test
    void jsonOutputIsThePolicyTheServiceAnswered() throws Exception {
        monitoring.retraining = SET;

        assertThat(stack.run("retraining", "policy", "penguins", "--output", "json")).isZero();

        RetrainingPolicy.Builder printed = RetrainingPolicy.newBuilder();
        JsonFormat.parser().merge(stack.out(), printed);
        assertThat(printed.build()).isEqualTo(SET);
    }

    @Test
    void aFlagOutOfItsRangeIsAUsageErrorNamingItAndNothingIsSet() {
        monitoring.retraining = SET;
        List<List<String>> wrong = List.of(List.of("--canary-weight", "0"), List.of("--shadow-share", "101"),
                List.of("--new-records", "-1"), List.of("--max-latency-ratio", "0.5"), List.of("--enable", "--disable"),
                List.of("--shadow-samples", "5", "--no-shadow"), List.of("--stage-timeout", "soon"),
                List.of("--hidden", "32,-1"), List.of("--epochs", "many"), List.of("--rollback-margin", "-0.1"),
                List.of("--on-alert", "slow", "--on-alert", "slow"));
        for (List<String> flags : wrong) {
            String[] args = Stream.concat(Stream.of("retraining", "policy", "penguins"), flags.stream())
                    .toArray(String[]::new);
            assertThat(stack.run(args)).as(flags.toString()).isEqualTo(2);
        }

        assertThat(stack.err()).contains("--canary-weight is a percent of requests, 1 to 100, not 0")
                .contains("--shadow-share is a percent of requests, 1 to 100, not 101")
                .contains("--new-records is a number of rows (0: off), 0 or more, not -1")
                .contains("--max-latency-ratio is a multiple of the champion's p99 latency")
                .contains("--enable and --disable: give one")
                .contains("--shadow-samples and --no-shadow: give one")
                .contains("Invalid value for option '--stage-timeout'")
                .contains("--hidden gives each hidden layer's width")
                .contains("Invalid value for option '--epochs'")
                .contains("--rollback-margin is 0 or more")
                .contains("--on-alert names distinct alert rules");
        assertThat(monitoring.retrainingSet).isEmpty();
    }

    @Test
    void anEnabledPolicyWithoutATriggerIsAUsageError() {
        assertThat(stack.run("retraining", "policy", "penguins", "--enable")).isEqualTo(2);

        assertThat(stack.err()).contains("an enabled policy needs a trigger: --on-alert RULE")
                .contains("or --new-records N");
        assertThat(monitoring.retrainingSet).isEmpty();
    }

    @Test
    void decisionsAreATableNewestFirstWithVersionsReasonAndFiguresToFourSignificantDigits() {
        monitoring.decisions = List.of(
                decision("d2", DecisionAction.PROMOTE, 4, "the challenger's accuracy beat the champion's by 0.031",
                        Map.of("accuracy_challenger", 0.9712345, "accuracy_champion", 0.94, "samples_challenger",
                                120.0)),
                decision("d1", DecisionAction.RETRAIN, 0, "alert accuracy-drop started firing", Map.of()));

        int exit = stack.run("retraining", "decisions", "penguins", "--run", "run-7", "--limit", "20");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(monitoring.decisionsAsked).isEqualTo(ListDecisionsRequest.newBuilder().setEndpoint("penguins")
                .setRunId("run-7").setLimit(20).build());
        List<String> lines = stack.out().lines().toList();
        assertThat(lines.get(0)).matches("TIME +ENDPOINT +ACTION +MODEL +CHAMPION→CHALLENGER +REASON +FIGURES");
        assertThat(lines.get(1)).containsPattern(" penguins +promote +penguins +v3 → v4 +the challenger's accuracy "
                + "beat the champion's by 0.031 +accuracy_challenger=0.9712 accuracy_champion=0.94 "
                + "samples_challenger=120$");
        assertThat(lines.get(2)).containsPattern(" penguins +retrain +penguins +v3 → - +alert accuracy-drop started "
                + "firing +-$");
    }

    @Test
    void decisionsOfTheWholeProjectAskForNoEndpointAndJsonIsTheServicesAnswer() throws Exception {
        monitoring.decisions = List.of(decision("d1", DecisionAction.SKIP, 0, "no new rows", Map.of("new_rows", 0.0)));

        assertThat(stack.run("retraining", "decisions", "--output", "json")).isZero();

        assertThat(monitoring.decisionsAsked).isEqualTo(ListDecisionsRequest.getDefaultInstance());
        ListDecisionsResponse.Builder printed = ListDecisionsResponse.newBuilder();
        JsonFormat.parser().merge(stack.out(), printed);
        assertThat(printed.build().getDecisionsList()).isEqualTo(monitoring.decisions);
    }

    @Test
    void noDecisionsSaysWhenTheLoopDecidesAndALimitOutOfRangeIsAUsageError() {
        assertThat(stack.run("retraining", "decisions")).isZero();
        assertThat(stack.out()).contains("no decisions: the loop decides once a trigger");

        assertThat(stack.run("retraining", "decisions", "--limit", "1001")).isEqualTo(2);
        assertThat(stack.err()).contains("--limit is how many to list, 1 to 1000, not 1001");
    }

    private static Decision decision(String id, DecisionAction action, long challenger, String reason,
            Map<String, Double> figures) {
        return Decision.newBuilder().setId(id).setEndpoint("penguins").setRunId("run-7").setAction(action)
                .setReason(reason).putAllFigures(figures).setModelName("penguins").setChampionVersion(3)
                .setChallengerVersion(challenger).setDecidedAt(seconds(1_764_000_000)).build();
    }

    private static Timestamp seconds(long seconds) {
        return Timestamp.newBuilder().setSeconds(seconds).build();
    }
}
