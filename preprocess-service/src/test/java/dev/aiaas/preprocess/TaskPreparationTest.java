package dev.aiaas.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.errors.Projects;
import dev.aiaas.ml.npz.NpyArray;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.preprocess.storage.SealReceipts;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.preprocess.v1.Anomaly;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PrepareRequest;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc.PreprocessServiceBlockingStub;
import dev.aiaas.proto.preprocess.v1.Sequence;
import dev.aiaas.proto.preprocess.v1.Split;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import dev.aiaas.proto.preprocess.v1.Step;
import dev.aiaas.proto.preprocess.v1.Tokenize;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class TaskPreparationTest {

    private static final int WINDOW = 14;

    @GrpcClient("preprocess")
    PreprocessServiceBlockingStub preprocess;

    @Inject
    ArtifactStore store;

    @Inject
    SealReceipts receipts;

    @Test
    void seattleIsCutIntoWindowsInsideASplitByTimeSoNoTestDayWasSeenInTraining() throws Exception {
        String dataset = unique("seattle");
        receipts.record(Projects.DEFAULT, SealedFixture.sealSeattle(store, dataset));

        PreparedDataset prepared = preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).setPipeline(PipelineSpec.newBuilder()
                        .setSequence(Sequence.newBuilder().setTimeColumn("date").setWindow(WINDOW)))
                .build());

        // 1,461 days split 1,023 / 219 / 219 by time; each split loses its first 14 days to the first window
        assertThat(prepared.getSplitsList()).extracting(SplitSummary::getRows).containsExactly(1009L, 205L, 205L);
        assertThat(prepared.getTask()).isEqualTo(Task.REGRESSION);
        assertThat(prepared.getPipeline().getSplit().getChronological()).isTrue();
        List<String> features = prepared.getFeatureNamesList();
        assertThat(features).contains("date_year_sin", "date_year_cos", "temp_max", "weather=rain").doesNotContain("date");
        assertThat(prepared.getInputShapeList()).containsExactly((long) WINDOW, (long) features.size());
        assertThat(prepared.getSequence().getTargetFeature()).isEqualTo(features.indexOf("temp_max"));
        assertThat(prepared.getSequence().getTargetStd()).isGreaterThan(1);

        List<Map<String, Object>> days = seattleDays();
        Map<String, NpyArray> test = PreparedFiles.tensors(store, prepared, 2);
        assertThat(test.get("x").shape()).containsExactly(205L, WINDOW, features.size());
        assertThat(test.get("y").shape()).containsExactly(205L, 1L);
        // the first test window reads the test split's first 14 days (from 2015-05-27) and forecasts the 15th
        int firstTestDay = 1023 + 219;
        assertThat(days.get(firstTestDay).get("date")).isEqualTo("2015-05-27");
        assertThat(test.get("y").floats()[0]).isEqualTo(((Double) days.get(firstTestDay + WINDOW).get("temp_max")).floatValue());
        FittedPipeline transform = PreparedFiles.transform(store, prepared);
        float[] raw = transform.applyWindow(days.subList(firstTestDay, firstTestDay + WINDOW));
        assertThat(Arrays.copyOf(test.get("x").floats(), raw.length)).containsExactly(raw);
        // the last training window's target lies before the first validation day
        float[] trainY = PreparedFiles.tensors(store, prepared, 0).get("y").floats();
        assertThat(trainY[trainY.length - 1]).isEqualTo(((Double) days.get(1022).get("temp_max")).floatValue());
    }

    @Test
    void aSequenceSplitAtRandomIsRefusedBecauseItWouldLeakTheFuture() throws Exception {
        String dataset = unique("seattle");
        receipts.record(Projects.DEFAULT, SealedFixture.sealSeattle(store, dataset));

        assertInvalid(PipelineSpec.newBuilder()
                .setSequence(Sequence.newBuilder().setTimeColumn("date").setWindow(WINDOW))
                .setSplit(Split.newBuilder().setTrain(0.7).setValidation(0.15).setTest(0.15).setStratify(true)),
                dataset, "chronological split");
    }

    @Test
    void aWindowLongerThanASplitIsRefusedNamingTheSplit() throws Exception {
        String dataset = unique("seattle");
        receipts.record(Projects.DEFAULT, SealedFixture.sealSeattle(store, dataset));

        assertInvalid(PipelineSpec.newBuilder().setName("long")
                .setSequence(Sequence.newBuilder().setTimeColumn("date").setWindow(300)), dataset, "validation split");
        assertInvalid(PipelineSpec.newBuilder().setName("no-time")
                .setSequence(Sequence.newBuilder().setTimeColumn("day").setWindow(7)), dataset, "no column 'day'");
    }

    @Test
    void anomalyDetectionTrainsOnNormalRowsOnlyAndTestsOnAll() throws Exception {
        String dataset = unique("iris");
        receipts.record(Projects.DEFAULT, SealedFixture.sealIris(store, dataset, 1));

        PreparedDataset prepared = preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).setPipeline(PipelineSpec.newBuilder().setTask(Task.ANOMALY)
                        .setAnomaly(Anomaly.newBuilder().addNormalLabels("setosa")))
                .build());

        assertThat(prepared.getTask()).isEqualTo(Task.ANOMALY);
        assertThat(prepared.getClassLabelsList()).containsExactly("setosa");
        assertThat(prepared.getSplitsList()).extracting(SplitSummary::getRows).containsExactly(35L, 23L, 22L);
        assertThat(PreparedFiles.tensors(store, prepared, 0).get("y").longs()).containsOnly(0L);
        long[] testY = PreparedFiles.tensors(store, prepared, 2).get("y").longs();
        assertThat(Arrays.stream(testY).filter(y -> y == 1).count()).as("versicolor and virginica").isEqualTo(15);
        assertThat(PreparedFiles.columnMean(PreparedFiles.tensors(store, prepared, 0).get("x"), 0)).as("standardised on normal rows only")
                .isCloseTo(0, within(1e-5));
    }

    @Test
    void anomalyDetectionWithoutNormalLabelsIsRefused() throws Exception {
        String dataset = unique("iris");
        receipts.record(Projects.DEFAULT, SealedFixture.sealIris(store, dataset, 1));

        assertInvalid(PipelineSpec.newBuilder().setTask(Task.ANOMALY), dataset, "normal_labels");
        assertInvalid(PipelineSpec.newBuilder().setName("absent").setTask(Task.ANOMALY)
                .setAnomaly(Anomaly.newBuilder().addNormalLabels("daisy")), dataset, "no row of the training split");
    }

    @Test
    void mailIsTokenizedWithAVocabularyLearnedOnTheTrainingSplit() throws Exception {
        String dataset = unique("spam");
        receipts.record(Projects.DEFAULT, SealedFixture.sealSpam(store, dataset));

        PreparedDataset prepared = preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).setPipeline(PipelineSpec.newBuilder().addSteps(Step.newBuilder()
                        .setTokenize(Tokenize.newBuilder().addColumns("subject").addColumns("body").setMaxTokens(64))))
                .build());

        assertThat(prepared.getClassLabelsList()).containsExactly("ham", "spam");
        assertThat(prepared.getInputShapeList()).containsExactly(64L);
        assertThat(prepared.getVocabularySize()).isBetween(5_000, 20_002);
        NpyArray trainX = PreparedFiles.tensors(store, prepared, 0).get("x");
        assertThat(trainX.shape()).containsExactly(2100L, 64L);
        float max = 0;
        for (float id : trainX.floats()) {
            max = Math.max(max, id);
        }
        assertThat(max).isLessThan(prepared.getVocabularySize());
        float[] row = PreparedFiles.transform(store, prepared)
                .applyRow(Map.of("subject", "Re: New Sequences Window", "body", "hello"));
        assertThat(row).hasSize(64);
        assertThat(row[0]).as("'re' is a known word").isGreaterThan(1);
        assertThat(row[5]).as("padding after the five words").isZero();
    }

    @Test
    void theDefaultPipelineTokenizesTextThatHasTooManyValuesToOneHot() throws Exception {
        String dataset = unique("spam");
        receipts.record(Projects.DEFAULT, SealedFixture.sealSpam(store, dataset));

        PreparedDataset prepared = preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).build());

        assertThat(prepared.getInputShapeList()).containsExactly(256L);
        assertThat(prepared.getFeatureNamesList()).startsWith("tokens_0", "tokens_1");
        assertThat(prepared.getVocabularySize()).isGreaterThan(2);
    }

    private void assertInvalid(PipelineSpec.Builder spec, String dataset, String message) {
        assertThatThrownBy(() -> preprocess.prepare(PrepareRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(1).setPipeline(spec).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains(message);
                });
    }

    private static List<Map<String, Object>> seattleDays() throws Exception {
        List<String> lines = Files.readAllLines(SealedFixture.SEATTLE);
        String[] header = lines.get(0).split(",");
        List<Map<String, Object>> days = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            Map<String, Object> day = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                boolean text = header[i].equals("date") || header[i].equals("weather");
                day.put(header[i], text ? fields[i] : (Object) Double.parseDouble(fields[i]));
            }
            days.add(day);
        }
        return days;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
