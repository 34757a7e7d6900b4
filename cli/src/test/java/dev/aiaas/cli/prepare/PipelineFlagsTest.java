package dev.aiaas.cli.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.preprocess.v1.Interactions;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.Sequence;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The pipeline spec {@code aiaas prepare} sends for its flags, alone or laid over a --steps file. */
class PipelineFlagsTest {

    @TempDir
    Path dir;

    @Test
    void timeColumnAndWindowMakeASequenceWithTheServersDefaultsLeftUnset() throws Exception {
        PipelineSpec spec = spec("weather", "--pipeline", "forecast", "--time-column", "date", "--window", "14");

        assertThat(spec).isEqualTo(PipelineSpec.newBuilder().setName("forecast")
                .setSequence(Sequence.newBuilder().setTimeColumn("date").setWindow(14)).build());
    }

    @Test
    void everySequenceFlagLandsInTheSequence() throws Exception {
        PipelineSpec spec = spec("sensors", "--pipeline", "hourly", "--time-column", "at", "--window", "24",
                "--horizon", "6", "--stride", "2", "--group-column", "sensor", "--target", "load", "--task",
                "REGRESSION");

        assertThat(spec.getSequence()).isEqualTo(Sequence.newBuilder().setTimeColumn("at").setWindow(24)
                .setHorizon(6).setStride(2).setGroupColumn("sensor").setTarget("load").build());
        assertThat(spec.getTask()).isEqualTo(Task.REGRESSION);
    }

    @Test
    void normalLabelsMakeAnAnomalyTask() throws Exception {
        PipelineSpec spec = spec("digits", "--pipeline", "zeros", "--normal", "0,6");

        assertThat(spec.getTask()).isEqualTo(Task.ANOMALY);
        assertThat(spec.getAnomaly().getNormalLabelsList()).containsExactly("0", "6");
        assertThat(spec.hasSequence()).isFalse();
    }

    @Test
    void flagsWinOverTheStepsFileAndKeepWhatTheyDoNotSay() throws Exception {
        Path steps = dir.resolve("forecast.yaml");
        Files.writeString(steps, """
                name: forecast
                steps: [{cyclicalTime: {column: date, periods: [YEAR, WEEK]}}, {standardize: {}}]
                sequence: {timeColumn: date, window: 7, horizon: 2}
                """);

        PipelineSpec spec = spec("weather", "--steps", steps.toString(), "--window", "14");

        assertThat(spec.getName()).isEqualTo("forecast");
        assertThat(spec.getStepsCount()).isEqualTo(2);
        assertThat(spec.getSequence()).isEqualTo(Sequence.newBuilder().setTimeColumn("date").setWindow(14)
                .setHorizon(2).build());
    }

    @Test
    void withoutFlagsOrFileItIsTheDefaultPipeline() throws Exception {
        assertThat(spec("weather")).isEqualTo(PipelineSpec.newBuilder().setName("default").build());
    }

    @Test
    void aSequenceNeedsItsTimeColumnAndWindow() {
        assertRefused("--window without --time-column names what is missing",
                "--pipeline", "f", "--window", "14").hasMessageContaining("--time-column COL");
        assertRefused("--target without --time-column", "--pipeline", "f", "--target", "temp_max")
                .hasMessageContaining("--time-column COL");
        assertRefused("--time-column without --window", "--pipeline", "f", "--time-column", "date")
                .hasMessageContaining("--window N");
        assertRefused("a window of no rows", "--pipeline", "f", "--time-column", "date", "--window", "0")
                .hasMessageContaining("--window must be 1 or more");
    }

    @Test
    void normalLabelsGoOnlyWithAnomalyDetectionAndAnomalyDetectionNeedsThem() {
        assertRefused("--normal with --task regression", "--pipeline", "z", "--normal", "0", "--task", "regression")
                .hasMessageContaining("--normal").hasMessageContaining("--task regression");
        assertRefused("--task anomaly alone", "--pipeline", "z", "--task", "anomaly")
                .hasMessageContaining("--normal LABEL");
        assertRefused("a sequence with normal labels", "--pipeline", "z", "--time-column", "date", "--window", "7",
                "--normal", "sun").hasMessageContaining("a sequence forecasts numbers");
        assertRefused("a sequence classified", "--pipeline", "z", "--time-column", "date", "--window", "7", "--task",
                "classification").hasMessageContaining("--task classification");
    }

    @Test
    void userAndItemColumnsPrepareInteractionsForRecommendation() throws Exception {
        PipelineSpec spec = spec("flights", "--pipeline", "routes", "--user-column", "origin", "--item-column",
                "destination", "--shared-ids");

        assertThat(spec).isEqualTo(PipelineSpec.newBuilder().setName("routes").setTask(Task.RECOMMENDATION)
                .setInteractions(Interactions.newBuilder().setUserColumn("origin").setItemColumn("destination")
                        .setSharedIds(true)).build());
    }

    @Test
    void aWeightColumnAndAnExplicitRecommendationTaskAreKeptAndIdsAreNotSharedUnlessSaid() throws Exception {
        PipelineSpec spec = spec("plays", "--pipeline", "plays", "--task", "recommendation", "--user-column", "listener",
                "--item-column", "track", "--weight-column", "minutes");

        assertThat(spec.getTask()).isEqualTo(Task.RECOMMENDATION);
        assertThat(spec.getInteractions()).isEqualTo(Interactions.newBuilder().setUserColumn("listener")
                .setItemColumn("track").setWeightColumn("minutes").build());
        assertThat(spec.hasSplit()).as("the service's per-user hold-out, 80/10/10 seed 42").isFalse();
    }

    @Test
    void interactionFlagsWinOverTheFilesAndKeepItsSplit() throws Exception {
        Path file = dir.resolve("routes.yaml");
        Files.writeString(file, """
                name: routes
                interactions: {userColumn: origin, itemColumn: destination}
                split: {validation: 0.1, test: 0.2, seed: 7}
                """);

        PipelineSpec spec = spec("flights", "--steps", file.toString(), "--shared-ids");

        assertThat(spec.getTask()).as("implied by the file's interactions").isEqualTo(Task.RECOMMENDATION);
        assertThat(spec.getInteractions().getSharedIds()).isTrue();
        assertThat(spec.getInteractions().getUserColumn()).isEqualTo("origin");
        assertThat(spec.getSplit().getTest()).isEqualTo(0.2);
        assertThat(spec.getSplit().getSeed()).isEqualTo(7);
    }

    @Test
    void interactionsNeedBothColumnsAndRecommendationNeedsInteractions() {
        assertRefused("an item column alone", "--pipeline", "r", "--item-column", "destination")
                .hasMessageContaining("--user-column COL");
        assertRefused("shared ids alone", "--pipeline", "r", "--shared-ids").hasMessageContaining("--user-column COL");
        assertRefused("a user column alone", "--pipeline", "r", "--user-column", "origin")
                .hasMessageContaining("--item-column COL");
        assertRefused("one column for both", "--pipeline", "r", "--user-column", "a", "--item-column", "a")
                .hasMessageContaining("are both 'a'");
        assertRefused("--task recommendation alone", "--pipeline", "r", "--task", "recommendation")
                .hasMessageContaining("--user-column COL --item-column COL");
    }

    @Test
    void interactionsGoWithNoOtherTaskAndNoSequence() {
        assertRefused("interactions classified", "--pipeline", "r", "--user-column", "u", "--item-column", "i",
                "--task", "classification").hasMessageContaining("do not go with --task classification");
        assertRefused("interactions with normal labels", "--pipeline", "r", "--user-column", "u", "--item-column", "i",
                "--normal", "0").hasMessageContaining("--task anomaly or --normal");
        assertRefused("interactions in windows", "--pipeline", "r", "--user-column", "u", "--item-column", "i",
                "--time-column", "date", "--window", "7").hasMessageContaining("--user-column does not go with "
                        + "--time-column");
    }

    @Test
    void aSpecChangedByFlagsNeedsItsOwnName() {
        assertRefused("flags without --pipeline", "--time-column", "date", "--window", "14")
                .hasMessageContaining("--pipeline NAME");
        assertRefused("interactions without --pipeline", "--user-column", "origin", "--item-column", "destination")
                .hasMessageContaining("--pipeline NAME");
    }

    private static PipelineSpec spec(String... args) throws Exception {
        PrepareCommand command = new PrepareCommand();
        new CommandLine(command).parseArgs(args);
        return command.spec();
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String why,
            String... flags) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("weather"),
                java.util.Arrays.stream(flags)).toArray(String[]::new);
        return assertThatThrownBy(() -> spec(args)).as(why).isInstanceOf(CommandFailure.class)
                .satisfies(e -> assertThat(((CommandFailure) e).exitCode()).isEqualTo(ExitCodes.USAGE));
    }
}
