package dev.aiaas.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import dev.aiaas.proto.common.v1.Value;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.monitoring.v1.AlertKind;
import dev.aiaas.proto.monitoring.v1.AlertRule;
import dev.aiaas.proto.monitoring.v1.Decision;
import dev.aiaas.proto.monitoring.v1.DecisionAction;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthRequest;
import dev.aiaas.proto.monitoring.v1.RetrainingPolicy;
import dev.aiaas.proto.training.v1.ModelFamily;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DriftScenarioTest {

    private static final Path DATASETS = Path.of("..", "datasets");
    private static final IrisRow SETOSA = new IrisRow(List.of(5.1, 3.5, 1.4, 0.2), "setosa");

    @Test
    void aDriftedRowHasEveryMeasurementLongerToTheHundredthAndTheSameSpecies() {
        IrisRow drifted = SETOSA.drifted(DriftScenario.SHIFT);

        assertThat(drifted.measurements()).containsExactly(8.1, 6.5, 4.4, 3.2);
        assertThat(drifted.species()).isEqualTo("setosa");
        assertThat(SETOSA.drifted(0)).isEqualTo(SETOSA);
    }

    @Test
    void theBundledFileGivesOneHundredAndFiftyRowsOfThreeSpecies() throws Exception {
        List<IrisRow> rows = IrisRow.read(DATASETS.resolve("iris.csv"));

        assertThat(rows).hasSize(150).first().isEqualTo(SETOSA);
        assertThat(rows.stream().map(IrisRow::species).distinct()).containsExactly("setosa", "versicolor",
                "virginica");
        assertThat(rows).hasSize(DriftScenario.DRIFTED_ROWS).as("one drifted copy of each flower seals one version");
        assertThatThrownBy(() -> IrisRow.parse("5.1,3.5,1.4,setosa")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aRowIsSentToIngestAsTheIrisSchemasColumns() {
        Map<String, Value> fields = SETOSA.drifted(DriftScenario.SHIFT).record().getFieldsMap();

        assertThat(fields).containsOnlyKeys("sepal_length", "sepal_width", "petal_length", "petal_width", "species");
        assertThat(fields.get("sepal_length").getDoubleValue()).isEqualTo(8.1);
        assertThat(fields.get("petal_width").getDoubleValue()).isEqualTo(3.2);
        assertThat(fields.get("species").getStringValue()).isEqualTo("setosa");
        assertThat(DemoDataset.iris(DATASETS).schema().getColumnsList()).extracting(c -> c.getName())
                .containsExactlyInAnyOrderElementsOf(fields.keySet());
    }

    @Test
    void aRequestCarriesOneRowUnderTheClientsIdAndItsGroundTruthNamesTheSameId() {
        ModelInferRequest request = SETOSA.request("drift-iris", "r-1");
        GroundTruth truth = SETOSA.truth("drift-iris", "r-1");

        assertThat(request.getModelName()).isEqualTo("drift-iris");
        assertThat(request.getId()).isEqualTo("r-1");
        assertThat(request.getInputsList()).extracting(InferInputTensor::getName)
                .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(request.getInputsList()).allSatisfy(input -> {
            assertThat(input.getDatatype()).isEqualTo("FP64");
            assertThat(input.getShapeList()).containsExactly(1L);
        });
        assertThat(request.getInputs(2).getContents().getFp64ContentsList()).containsExactly(1.4);
        assertThat(truth).isEqualTo(GroundTruth.newBuilder().setEndpoint("drift-iris").setRequestId("r-1")
                .addLabels("setosa").build());
    }

    @Test
    void groundTruthGoesInCallsOfAtMostAThousandInOrder() {
        List<GroundTruth> truths = IntStream.range(0, 2_500).mapToObj(i -> SETOSA.truth("drift-iris", "r-" + i))
                .toList();

        List<RecordGroundTruthRequest> batches = LabelledTraffic.batches(truths, LabelledTraffic.MAX_BATCH);

        assertThat(batches).extracting(RecordGroundTruthRequest::getGroundTruthCount).containsExactly(1000, 1000, 500);
        assertThat(batches.get(1).getGroundTruth(0).getRequestId()).isEqualTo("r-1000");
        assertThat(LabelledTraffic.batches(List.of(), 1000)).isEmpty();
    }

    @Test
    void aNameAnEarlierRunTookGetsTheFirstFreeSuffix() {
        assertThat(DriftScenario.freeName("drift-iris", Set.of("iris", "flights"))).isEqualTo("drift-iris");
        assertThat(DriftScenario.freeName("drift-iris", Set.of("drift-iris"))).isEqualTo("drift-iris-2");
        assertThat(DriftScenario.freeName("drift-iris", Set.of("drift-iris", "drift-iris-2", "drift-iris-4")))
                .isEqualTo("drift-iris-3");
    }

    @Test
    void theChampionIsAnMlpOnTheDefaultPipelineAndTheLoopRetrainsWhenTheDriftAlertFires() {
        DemoDataset champion = DriftScenario.champion(DATASETS, "drift-iris-2");
        RetrainingPolicy policy = DriftScenario.policy("drift-iris-2");
        AlertRule rule = DriftScenario.alertRules("drift-iris-2").getRules(0);

        assertThat(champion.name()).isEqualTo("drift-iris-2");
        assertThat(champion.pipelineName()).isEqualTo("default");
        assertThat(champion.family()).isEqualTo(ModelFamily.MLP);
        assertThat(champion.hyperparameters().getEpochs()).isEqualTo(60);
        assertThat(champion.hyperparameters().getHiddenUnitsList()).containsExactly(16);
        assertThat(rule.getName()).isEqualTo("drift");
        assertThat(rule.getKind()).isEqualTo(AlertKind.DRIFT);
        assertThat(rule.getForEvaluations()).isEqualTo(1);
        assertThat(policy.getEnabled()).isTrue();
        assertThat(policy.getTriggerAlertsList()).containsExactly(rule.getName());
        assertThat(policy.getShadowMinSamples()).isEqualTo(30);
        assertThat(policy.getCanaryWeight()).isEqualTo(50);
        assertThat(policy.getCanaryMinSamples()).isEqualTo(20);
        assertThat(policy.getStageTimeoutSeconds()).isEqualTo(600);
    }

    @Test
    void aPromotionMovesTheChampionAndTheSummaryGivesBothAccuraciesOnTheDriftedTraffic() {
        DriftSummary summary = summary(decision("d4", DecisionAction.PROMOTE, "the challenger is better",
                Map.of("accuracy_champion", 0.32, "accuracy_challenger", 0.96, "samples_champion", 25.0,
                        "samples_challenger", 24.0)));

        String printed = print(summary);

        assertThat(summary.championAfter()).isEqualTo(2);
        assertThat(summary.failed()).isFalse();
        assertThat(printed.lines()).contains(
                "dataset, model and endpoint drift-iris-2 (drift-iris was taken by an earlier run)",
                "champion before: drift-iris-2 v1, live accuracy 0.9833 on 60 judged normal requests",
                "the world drifted: 150 new labelled rows sent to ingest, sealed by ingest itself as v2",
                "the run ended: promote; champion after: drift-iris-2 v2",
                "on the drifted traffic: champion v1 accuracy 0.3200 (25 judged requests), challenger v2 accuracy "
                        + "0.9600 (24 judged requests)",
                "drifted traffic: 812 requests sent, 0 failures",
                "look further: aiaas retraining decisions drift-iris-2; aiaas quality drift-iris-2; aiaas drift "
                        + "drift-iris-2",
                "the drift scenario took 312.5 s");
        assertThat(printed).contains("decisions, in order:\n  ").contains(" retrain (v1 → -): alert drift fired")
                .contains(" promote (v1 → v2): the challenger is better  [samples_champion=25");
    }

    @Test
    void aRollBackKeepsTheChampionAndAFailureIsAFailedRun() {
        DriftSummary rolledBack = summary(decision("d4", DecisionAction.ROLL_BACK, "p99 too high",
                Map.of("p99_ratio", 7.5)));
        DriftSummary failed = summary(decision("d2", DecisionAction.FAIL, "the job failed", Map.of()));

        assertThat(rolledBack.championAfter()).isEqualTo(1);
        assertThat(rolledBack.failed()).isFalse();
        assertThat(print(rolledBack)).contains("the run ended: roll-back; champion after: drift-iris-2 v1 (unchanged)")
                .contains("on the drifted traffic: the ending decision was made on no accuracy figures (aiaas quality "
                        + "drift-iris-2 has them)");
        assertThat(failed.failed()).isTrue();
    }

    private static DriftSummary summary(Decision ending) {
        return new DriftSummary("drift-iris-2", "drift-iris", 1, 59 / 60.0, 60, 2, List.of(
                decision("d1", DecisionAction.RETRAIN, "alert drift fired", Map.of("dataset_version", 2.0)), ending),
                "812 requests sent, 0 failures", 312.49);
    }

    static Decision decision(String id, DecisionAction action, String reason, Map<String, Double> figures) {
        return Decision.newBuilder().setId(id).setEndpoint("drift-iris-2").setAction(action).setReason(reason)
                .putAllFigures(figures).setModelName("drift-iris-2").setChampionVersion(1)
                .setChallengerVersion(action == DecisionAction.RETRAIN ? 0 : 2)
                .setDecidedAt(Timestamp.newBuilder().setSeconds(1_764_680_584L)).build();
    }

    private static String print(DriftSummary summary) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
