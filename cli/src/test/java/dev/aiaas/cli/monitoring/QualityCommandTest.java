package dev.aiaas.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.cli.StandInStack;
import dev.aiaas.proto.monitoring.v1.GetModelQualityRequest;
import dev.aiaas.proto.monitoring.v1.LabelCount;
import dev.aiaas.proto.monitoring.v1.ModelQuality;
import dev.aiaas.proto.monitoring.v1.QualityTask;
import dev.aiaas.proto.monitoring.v1.QualityWindow;
import dev.aiaas.proto.monitoring.v1.ValueSummary;
import dev.aiaas.proto.monitoring.v1.VersionQuality;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aiaas quality} against a stand-in of monitoring: the range and window it asks for, and what it prints. */
class QualityCommandTest {

    private static final VersionQuality V3 = VersionQuality.newBuilder().setModelName("penguins").setModelVersion(3)
            .setTask(QualityTask.CLASSIFICATION).setRequestCount(40).setRowCount(52).setAccuracy(0.9)
            .setMacroF1(0.85).setMismatchedCount(1)
            .addLabelDistribution(LabelCount.newBuilder().setLabel("Adelie").setCount(30))
            .addLabelDistribution(LabelCount.newBuilder().setLabel("Gentoo").setCount(22))
            .addPredictionDistribution(LabelCount.newBuilder().setLabel("Adelie").setCount(33))
            .addPredictionDistribution(LabelCount.newBuilder().setLabel("Gentoo").setCount(19)).build();
    private static final VersionQuality V4 = VersionQuality.newBuilder().setModelName("penguins").setModelVersion(4)
            .setTask(QualityTask.NUMBERS).setRequestCount(5).setRowCount(5).setMse(0.25).setMae(0.5)
            .setLabelValues(ValueSummary.newBuilder().setCount(5).setMean(3.5))
            .setPredictedValues(ValueSummary.newBuilder().setCount(5).setMean(3.25)).build();

    @TempDir
    Path home;

    private final MonitoringStandIn monitoring = new MonitoringStandIn();
    private StandInStack stack;

    @BeforeEach
    void start() throws Exception {
        stack = new StandInStack(home, monitoring);
        monitoring.quality = ModelQuality.newBuilder().setEndpoint("penguins").setStartTime(seconds(1_764_000_000))
                .setEndTime(seconds(1_764_003_600)).addTotals(V3).addTotals(V4)
                .addWindows(QualityWindow.newBuilder().setStart(seconds(1_764_000_000)).addVersions(V3))
                .addWindows(QualityWindow.newBuilder().setStart(seconds(1_764_000_060)).addVersions(V3).addVersions(V4))
                .build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        stack.close();
    }

    @Test
    void sinceAndWindowInShortUnitsAskForTheRangeEndingNowAndItsWindows() {
        long before = Instant.now().getEpochSecond();

        int exit = stack.run("quality", "penguins", "--since", "1h", "--window", "5m");

        assertThat(exit).as(stack.err()).isZero();
        GetModelQualityRequest asked = monitoring.qualityAsked;
        assertThat(asked.getEndpoint()).isEqualTo("penguins");
        assertThat(asked.getWindowSeconds()).isEqualTo(300);
        assertThat(asked.getStartTime().getSeconds()).isBetween(before - 3600, Instant.now().getEpochSecond() - 3600);
        assertThat(asked.hasEndTime()).isFalse();
    }

    @Test
    void fromAndToAreSentAsGivenAndTheWindowIsSixtySecondsByDefault() {
        int exit = stack.run("quality", "penguins", "--from", "2026-12-01T09:00:00Z", "--to", "2026-12-01T11:30:00+01:00");

        assertThat(exit).as(stack.err()).isZero();
        GetModelQualityRequest asked = monitoring.qualityAsked;
        assertThat(asked.getStartTime()).isEqualTo(instant("2026-12-01T09:00:00Z"));
        assertThat(asked.getEndTime()).isEqualTo(instant("2026-12-01T10:30:00Z"));
        assertThat(asked.getWindowSeconds()).isEqualTo(60);
    }

    @Test
    void sinceWithFromAToBeforeItsFromOrAnUnreadableTimeAreUsageErrorsAndNothingIsAsked() {
        assertThat(stack.run("quality", "penguins", "--since", "1h", "--from", "2026-12-01T09:00:00Z")).isEqualTo(2);
        assertThat(stack.run("quality", "penguins", "--from", "2026-12-02", "--to", "2026-12-01")).isEqualTo(2);
        assertThat(stack.run("quality", "penguins", "--since", "yesterday")).isEqualTo(2);
        assertThat(stack.run("quality", "penguins", "--window", "0")).isEqualTo(2);

        assertThat(stack.err()).contains("mutually exclusive").contains("is not before --to")
                .contains("'yesterday' is not a length of time").contains("'0' is not a length of time");
        assertThat(monitoring.qualityAsked).isNull();
    }

    @Test
    void theTablesGiveEachVersionsTotalsThenARowPerWindowAndVersionWithTheFiguresOfItsTask() {
        int exit = stack.run("quality", "penguins");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(stack.out().lines()).contains(
                "VERSION     TASK            REQUESTS  ROWS  MISMATCHED  ACCURACY  MACRO F1  MSE     MAE",
                "penguins:3  classification  40        52    1           0.9000    0.8500    -       -",
                "penguins:4  values          5         5     0           -         -         0.2500  0.5000");
        assertThat(stack.out()).containsPattern("penguins:3 true labels: +Adelie 30, Gentoo 22")
                .containsPattern("penguins:4 true values: +mean 3.5000 over 5")
                .containsPattern("(?m)^WINDOW +VERSION +REQUESTS +ROWS +ACCURACY +MACRO F1 +MSE +MAE$")
                .containsPattern("(?m)^\\S+ \\S+ +penguins:4 +5 +5 +- +- +0.2500 +0.5000$");
        assertThat(stack.out().lines().filter(line -> line.contains(" penguins:3 "))).hasSize(2);
    }

    @Test
    void aClassifierAloneGetsNoErrorColumnsAndJsonIsTheServicesAnswer() throws Exception {
        monitoring.quality = monitoring.quality.toBuilder().removeTotals(1).removeWindows(1).build();

        assertThat(stack.run("quality", "penguins")).isZero();
        assertThat(stack.out()).contains("ACCURACY").doesNotContain("MSE");

        stack.forgetOutput();
        assertThat(stack.run("quality", "penguins", "--output", "json")).isZero();
        ModelQuality.Builder printed = ModelQuality.newBuilder();
        JsonFormat.parser().merge(stack.out(), printed);
        assertThat(printed.build()).isEqualTo(monitoring.quality);
    }

    @Test
    void noGroundTruthInTheRangeSaysHowToRecordIt() {
        monitoring.quality = ModelQuality.newBuilder().setEndpoint("penguins").build();

        assertThat(stack.run("quality", "penguins")).isZero();
        assertThat(stack.out()).contains("no prediction in this range has ground truth yet")
                .contains("aiaas feedback penguins");
    }

    private static Timestamp seconds(long seconds) {
        return Timestamp.newBuilder().setSeconds(seconds).build();
    }

    private static Timestamp instant(String text) {
        return seconds(Instant.parse(text).getEpochSecond());
    }
}
