package dev.aiaas.monitoring.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.monitoring.loop.StageJudge.Outcome;
import dev.aiaas.monitoring.loop.StageJudge.Verdict;
import dev.aiaas.monitoring.model.AnswerKind;
import dev.aiaas.monitoring.model.LatencyHistogram;
import dev.aiaas.monitoring.model.RetrainingPolicy;
import dev.aiaas.monitoring.model.ServedRole;
import dev.aiaas.monitoring.model.ShadowComparison;
import dev.aiaas.monitoring.model.TrafficWindow;
import dev.aiaas.monitoring.model.TrainingOverrides;
import dev.aiaas.monitoring.model.VersionQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageJudgeTest {

    /** Shadow: 20 paired samples; canary: 30 judged; promote at +0.01, roll back below -0.02; 1 h per stage. */
    private static final RetrainingPolicy POLICY = new RetrainingPolicy("iris", true, List.of("drift"), 0, 100, 20, 25,
            30, 0.01, 0.02, 0.01, 2, Duration.ofHours(1), TrainingOverrides.NONE, null);
    private static final Duration EARLY = Duration.ofMinutes(5);
    private static final Duration LATE = Duration.ofHours(2);

    @Test
    void aShadowWaitsForItsPairedSamplesThenAdvancesUnlessWorse() {
        assertThat(StageJudge.shadow(POLICY, shadow(19, 0.90, 0.95), EARLY).outcome()).isEqualTo(Outcome.WAIT);
        assertThat(StageJudge.shadow(POLICY, null, EARLY).outcome()).isEqualTo(Outcome.WAIT);

        Verdict better = StageJudge.shadow(POLICY, shadow(20, 0.80, 0.95), EARLY);
        assertThat(better.outcome()).isEqualTo(Outcome.ADVANCE);
        assertThat(better.figures()).containsEntry("accuracy_champion", 0.80).containsEntry("accuracy_challenger", 0.95)
                .containsEntry("samples_paired", 20.0);
        // a shadow no better but within the rollback margin is still tried as a canary
        assertThat(StageJudge.shadow(POLICY, shadow(20, 0.90, 0.89), EARLY).outcome()).isEqualTo(Outcome.ADVANCE);

        Verdict worse = StageJudge.shadow(POLICY, shadow(20, 0.95, 0.60), EARLY);
        assertThat(worse.outcome()).isEqualTo(Outcome.ROLL_BACK);
        assertThat(worse.reason()).contains("60.00%").contains("95.00%").contains("rollback margin");
    }

    @Test
    void aShadowThatNeverGetsItsSamplesIsRolledBackAtTheTimeout() {
        Verdict verdict = StageJudge.shadow(POLICY, shadow(3, 0.9, 0.9), LATE);

        assertThat(verdict.outcome()).isEqualTo(Outcome.ROLL_BACK);
        assertThat(verdict.reason()).contains("3 of the 20");
    }

    @Test
    void aCanaryIsPromotedWhenItBeatsTheChampionByTheMargin() {
        Verdict verdict = StageJudge.canary(POLICY, quality(200, 0.70), quality(30, 0.90), traffic(200, 0, 0.01),
                traffic(30, 0, 0.01), EARLY);

        assertThat(verdict.outcome()).isEqualTo(Outcome.ADVANCE);
        assertThat(verdict.figures()).containsEntry("gain", 0.90 - 0.70).containsEntry("samples_challenger", 30.0);
    }

    @Test
    void aCanaryWaitsForItsSamplesAndWhileWithinTheMarginsThenIsRolledBackAtTheTimeout() {
        assertThat(StageJudge.canary(POLICY, quality(200, 0.7), quality(29, 0.9), traffic(200, 0, 0.01),
                traffic(29, 0, 0.01), EARLY).outcome()).isEqualTo(Outcome.WAIT);
        assertThat(StageJudge.canary(POLICY, quality(200, 0.90), quality(30, 0.905), traffic(200, 0, 0.01),
                traffic(30, 0, 0.01), EARLY).outcome()).as("a gain of 0.005 is under the margin").isEqualTo(Outcome.WAIT);

        Verdict late = StageJudge.canary(POLICY, quality(200, 0.90), quality(30, 0.905), traffic(200, 0, 0.01),
                traffic(30, 0, 0.01), LATE);
        assertThat(late.outcome()).isEqualTo(Outcome.ROLL_BACK);
        assertThat(late.reason()).contains("short of the promote margin");
    }

    @Test
    void aCanaryIsRolledBackWhenWorseInAccuracyErrorsOrLatency() {
        assertThat(StageJudge.canary(POLICY, quality(200, 0.95), quality(30, 0.50), traffic(200, 0, 0.01),
                traffic(30, 0, 0.01), EARLY).outcome()).isEqualTo(Outcome.ROLL_BACK);

        Verdict errors = StageJudge.canary(POLICY, null, null, traffic(100, 1, 0.01), traffic(40, 4, 0.01), EARLY);
        assertThat(errors.outcome()).isEqualTo(Outcome.ROLL_BACK);
        assertThat(errors.reason()).contains("10.00% of 40 requests");

        assertThat(StageJudge.canary(POLICY, null, null, traffic(100, 0, 0.01), traffic(99, 0, 0.05), EARLY).outcome())
                .as("a p99 of 99 requests is not compared").isEqualTo(Outcome.WAIT);
        Verdict slow = StageJudge.canary(POLICY, null, null, traffic(100, 0, 0.01), traffic(100, 0, 0.05), EARLY);
        assertThat(slow.outcome()).isEqualTo(Outcome.ROLL_BACK);
        assertThat(slow.reason()).contains("p99 latency");
        assertThat(slow.figures().get("p99_ratio")).isGreaterThan(2);
    }

    @Test
    void aModelThatPredictsValuesIsJudgedByTheShareItsMseIsLower() {
        Verdict verdict = StageJudge.canary(POLICY, values(200, 4.0), values(30, 3.0), traffic(200, 0, 0.01),
                traffic(30, 0, 0.01), EARLY);

        assertThat(verdict.outcome()).isEqualTo(Outcome.ADVANCE);
        assertThat(verdict.figures()).containsEntry("gain", 0.25);
    }

    private static ShadowComparison shadow(long labelled, double served, double shadow) {
        return new ShadowComparison("iris", 2, labelled + 5, 0.8, quality(labelled, served), quality(labelled, shadow));
    }

    private static VersionQuality quality(long requests, double accuracy) {
        return new VersionQuality("iris", 1, ServedRole.CHAMPION, AnswerKind.CLASSIFICATION, requests, requests,
                accuracy, accuracy, 0, 0, List.of(), List.of(), new VersionQuality.ValueMean(0, 0),
                new VersionQuality.ValueMean(0, 0), 0);
    }

    private static VersionQuality values(long requests, double mse) {
        return new VersionQuality("load", 1, ServedRole.CHAMPION, AnswerKind.VALUES, requests, requests, 0, 0, mse,
                Math.sqrt(mse), List.of(), List.of(), new VersionQuality.ValueMean(requests, 1),
                new VersionQuality.ValueMean(requests, 1), 0);
    }

    private static TrafficWindow traffic(long requests, long errors, double latency) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < requests; i++) {
            histogram.add(latency);
        }
        return new TrafficWindow("iris", Instant.EPOCH, requests, errors, requests, histogram);
    }
}
