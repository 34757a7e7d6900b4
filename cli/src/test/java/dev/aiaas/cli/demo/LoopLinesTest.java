package dev.aiaas.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.aiaas.proto.monitoring.v1.Alert;
import dev.aiaas.proto.monitoring.v1.AlertKind;
import dev.aiaas.proto.monitoring.v1.AlertState;
import dev.aiaas.proto.monitoring.v1.Decision;
import dev.aiaas.proto.monitoring.v1.DecisionAction;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoopLinesTest {

    /** 2025-12-02 13:03:04 UTC. */
    private static final Timestamp DECIDED = Timestamp.newBuilder().setSeconds(1_764_680_584L).build();

    @Test
    void aDecisionLineGivesTimeActionVersionsReasonAndOnlyTheKeyFiguresInTheirOrder() {
        Decision promote = Decision.newBuilder().setId("d4").setAction(DecisionAction.PROMOTE)
                .setReason("the challenger beats the champion by 0.6400").setChampionVersion(1).setChallengerVersion(2)
                .setDecidedAt(DECIDED).putFigures("accuracy_challenger", 0.96).putFigures("accuracy_champion", 0.32)
                .putFigures("samples_challenger", 24).putFigures("requests_champion", 40).putFigures("gain", 0.64)
                .build();

        assertThat(LoopLines.decision(promote, ZoneOffset.UTC)).isEqualTo("13:03:04 promote (v1 → v2): the "
                + "challenger beats the champion by 0.6400  [samples_challenger=24 accuracy_champion=0.32 "
                + "accuracy_challenger=0.96 gain=0.64]");
    }

    @Test
    void aDecisionBeforeTheChallengerExistsOrWithoutKeyFiguresSaysSo() {
        Decision retrain = Decision.newBuilder().setAction(DecisionAction.ROLL_BACK).setChampionVersion(3)
                .setReason("stage timed out").setDecidedAt(DECIDED).putFigures("test_macro_f1", 0.5).build();

        assertThat(LoopLines.decision(retrain, ZoneOffset.UTC))
                .isEqualTo("13:03:04 roll-back (v3 → -): stage timed out");
        assertThat(LoopLines.decision(Decision.getDefaultInstance(), ZoneOffset.UTC))
                .isEqualTo("--:--:-- - (- → -): -");
    }

    @Test
    void anAlertLineSaysWhenItFiredOrResolved() {
        Alert firing = Alert.newBuilder().setId("a1").setRule("drift").setKind(AlertKind.DRIFT)
                .setState(AlertState.FIRING).setSummary("the input of drift-iris drifted").setStartsAt(DECIDED).build();
        Alert resolved = firing.toBuilder().setState(AlertState.RESOLVED)
                .setEndsAt(Timestamp.newBuilder().setSeconds(DECIDED.getSeconds() + 90)).build();

        assertThat(LoopLines.alert(firing, ZoneOffset.UTC)).isEqualTo("13:03:04 alert drift fired: the input of "
                + "drift-iris drifted");
        assertThat(LoopLines.alert(resolved, ZoneOffset.UTC)).isEqualTo("13:04:34 alert drift resolved: the input of "
                + "drift-iris drifted");
    }

    @Test
    void aTimeoutIsWrittenAsTheOptionTakesIt() {
        assertThat(LoopLines.duration(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(LoopLines.duration(Duration.ofSeconds(90))).isEqualTo("1m30s");
    }

    @Test
    void theWatchPrintsEachDecisionOnceOldestFirstAndNeverOnesSeenBefore() {
        Map<String, Decision> seen = new HashMap<>();
        Decision before = decision("d0", DecisionAction.SKIP);
        RetrainingWatch.unseen(List.of(before), seen);
        Decision retrain = decision("d1", DecisionAction.RETRAIN);
        Decision shadow = decision("d2", DecisionAction.START_SHADOW);

        List<Decision> first = RetrainingWatch.unseen(List.of(shadow, retrain, before), seen);
        List<Decision> again = RetrainingWatch.unseen(List.of(shadow, retrain, before), seen);

        assertThat(first).containsExactly(retrain, shadow);
        assertThat(again).isEmpty();
        assertThat(RetrainingWatch.ENDINGS).containsExactlyInAnyOrder(DecisionAction.PROMOTE, DecisionAction.ROLL_BACK,
                DecisionAction.FAIL);
    }

    private static Decision decision(String id, DecisionAction action) {
        return Decision.newBuilder().setId(id).setAction(action).build();
    }
}
