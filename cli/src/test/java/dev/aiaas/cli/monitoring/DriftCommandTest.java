package dev.aiaas.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.cli.StandInStack;
import dev.aiaas.proto.monitoring.v1.DriftMethod;
import dev.aiaas.proto.monitoring.v1.DriftPolicy;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.FeatureDrift;
import dev.aiaas.proto.monitoring.v1.FeatureKind;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aiaas drift} and {@code aiaas drift policy} against a stand-in of monitoring. */
class DriftCommandTest {

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
    void theReportGivesEachFeaturesMethodStatisticPValueAndVerdictTheShareThePredictionDriftAndThePolicy() {
        monitoring.report = DriftReport.newBuilder().setEndpoint("penguins").setModelName("penguins").setModelVersion(3)
                .setSampleCount(400).setOverallPsi(0.15).setThreshold(0.2).setDriftShare(0.5).setDriftShareThreshold(0.5)
                .setDrifted(true)
                .addFeatures(FeatureDrift.newBuilder().setFeature("mass").setKind(FeatureKind.NUMERIC)
                        .setMethod(DriftMethod.KS).setStatistic(0.31).setPValue(0.001).setThreshold(0.05).setDrifted(true)
                        .setPsi(0.27))
                .addFeatures(FeatureDrift.newBuilder().setFeature("island").setKind(FeatureKind.CATEGORICAL)
                        .setMethod(DriftMethod.JENSEN_SHANNON).setStatistic(0.04).setPValue(Double.NaN).setThreshold(0.1)
                        .setPsi(0.03))
                .setPrediction(FeatureDrift.newBuilder().setFeature("species").setKind(FeatureKind.CATEGORICAL)
                        .setMethod(DriftMethod.CHI_SQUARE).setStatistic(2.5).setPValue(0.28).setThreshold(0.05)
                        .setPsi(0.01))
                .setPolicy(DriftPolicy.newBuilder().setEndpoint("penguins").setCategoricalMethod(DriftMethod.JENSEN_SHANNON))
                .build();

        int exit = stack.run("drift", "penguins");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(stack.out()).containsPattern("drifted share: +0.5000 of features \\(drifts at 0.5000\\): drifted")
                .containsPattern("policy: +numeric auto, categorical jensen-shannon, share 0.5")
                .containsPattern("(?m)^FEATURE +KIND +METHOD +STATISTIC +P-VALUE +THRESHOLD +DRIFTED +PSI$")
                .containsPattern("(?m)^mass +numeric +ks +0.3100 +0.0010 +0.0500 +yes +0.2700$")
                .containsPattern("(?m)^island +categorical +jensen-shannon +0.0400 +- +0.1000 +no +0.0300$")
                .contains("prediction drift")
                .containsPattern("(?m)^\\(prediction\\) +categorical +chi-square +2.5000 +0.2800 +0.0500 +no +0.0100$");
    }

    @Test
    void aReportWithoutPredictionDriftSaysWhy() {
        monitoring.report = DriftReport.newBuilder().setEndpoint("penguins").build();

        assertThat(stack.run("drift", "penguins")).isZero();
        assertThat(stack.out()).contains("prediction drift: not yet");
    }

    @Test
    void policyWithoutFlagsPrintsItAndSetsNothing() {
        monitoring.policy = DriftPolicy.newBuilder().setNumericMethod(DriftMethod.PSI).setNumericThreshold(0.25).build();

        int exit = stack.run("drift", "policy", "penguins");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(stack.out()).containsPattern("numeric: +psi at 0.2500").containsPattern("categorical: +auto: ")
                .containsPattern("drift share: +0.5 \\(default\\)");
        assertThat(monitoring.policiesSet).isEmpty();
    }

    @Test
    void policyFlagsChangeWhatTheyNameKeepTheRestAndAMethodAloneTakesItsDefaultThreshold() {
        monitoring.policy = DriftPolicy.newBuilder().setNumericMethod(DriftMethod.PSI).setNumericThreshold(0.25)
                .setCategoricalMethod(DriftMethod.CHI_SQUARE).setCategoricalThreshold(0.01).build();

        int exit = stack.run("drift", "policy", "penguins", "--numeric", "wasserstein", "--share", "0.3");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(monitoring.policiesSet).singleElement().satisfies(set -> assertThat(set.getPolicy()).isEqualTo(
                DriftPolicy.newBuilder().setEndpoint("penguins").setNumericMethod(DriftMethod.WASSERSTEIN)
                        .setCategoricalMethod(DriftMethod.CHI_SQUARE).setCategoricalThreshold(0.01).setDriftShare(0.3)
                        .build()));
        assertThat(stack.out()).containsPattern("numeric: +wasserstein at its default threshold");
    }

    @Test
    void everyPolicyFlagIsSentByTheProtosNames() {
        int exit = stack.run("drift", "policy", "penguins", "--numeric", "ks", "--categorical", "chi-square",
                "--numeric-threshold", "0.01", "--categorical-threshold", "0.02", "--share", "0.4");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(monitoring.policiesSet.get(0).getPolicy()).isEqualTo(DriftPolicy.newBuilder().setEndpoint("penguins")
                .setNumericMethod(DriftMethod.KS).setCategoricalMethod(DriftMethod.CHI_SQUARE).setNumericThreshold(0.01)
                .setCategoricalThreshold(0.02).setDriftShare(0.4).build());
    }

    @Test
    void aMethodOfTheWrongKindAThresholdWithoutAMethodOrAShareAboveOneAreUsageErrorsAndNothingIsSet() {
        assertThat(stack.run("drift", "policy", "penguins", "--numeric", "chi-square")).isEqualTo(2);
        assertThat(stack.run("drift", "policy", "penguins", "--categorical", "ks")).isEqualTo(2);
        assertThat(stack.run("drift", "policy", "penguins", "--numeric-threshold", "0.1")).isEqualTo(2);
        assertThat(stack.run("drift", "policy", "penguins", "--share", "1.5")).isEqualTo(2);
        assertThat(stack.run("drift")).isEqualTo(2);

        assertThat(stack.err()).contains("'chi-square' is not one of [psi, ks, wasserstein, jensen-shannon, auto]")
                .contains("'ks' is not one of [psi, chi-square, jensen-shannon, auto]")
                .contains("--numeric-threshold needs a method (--numeric)").contains("--share is a share of features")
                .contains("name the endpoint");
        assertThat(monitoring.policiesSet).isEmpty();
    }
}
