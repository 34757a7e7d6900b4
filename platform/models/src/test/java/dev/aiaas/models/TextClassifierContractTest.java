package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.aiaas.ml.transform.LabelTask;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An EMBEDDING_BAG reads token ids as the Tokenize step writes them: padding (0) counts for
 * nothing, ids outside the vocabulary cannot crash serving, and what training saved answers
 * exactly as the trained model did.
 */
class TextClassifierContractTest {

    private static final int TOKENS = 12;
    private static final Vocabulary VOCABULARY = new Vocabulary(40);
    private static final ModelSpec SPEC = ModelSpec.withDefaults(ModelFamily.EMBEDDING_BAG, List.of(TOKENS), List.of(8),
            2, LabelTask.CLASSIFICATION, VOCABULARY);
    private static final TrainingPlan PLAN = new TrainingPlan(5, 16, 0.02, 3, DevicePreference.CPU);

    @TempDir
    Path scratch;

    @Test
    void aTextClassifierLearnsWhichWordsMarkAClassAndAnswersTheSameAfterSaveAndLoad() throws Exception {
        LabelledData train = texts(400, 1);
        LabelledData test = texts(100, 2);

        try (LoadedModel trained = new ModelTrainer().train(SPEC, PLAN, train, test, r -> { }, () -> false)) {
            Path parameters = trained.saveParameters(scratch.resolve("text"));
            ModelSpec stored = ModelSpecJson.read(ModelSpecJson.write(trained.spec()));
            try (LoadedModel loaded = LoadedModel.load(stored, parameters, Device.cpu())) {
                float[] expected = trained.predictProbabilities(test.features(), test.rows());

                assertThat(stored).isEqualTo(SPEC);
                assertThat(loaded.predictProbabilities(test.features(), test.rows())).containsExactly(expected);
                assertThat(ModelEvaluator.evaluate(loaded, test).metrics().get("f1_positive"))
                        .as("words 2-20 mark class 1, words 21-39 class 0").isGreaterThan(0.95);
            }
        }
    }

    @Test
    void paddingCountsForNothingAndIdsOutsideTheVocabularyAreClamped() {
        try (Model model = Model.newInstance(LoadedModel.MODEL_NAME, Device.cpu())) {
            model.setBlock(ModelFamilies.block(SPEC));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(SPEC.batchShape(1)));
            LoadedModel fresh = new LoadedModel(SPEC, model);
            float[] rows = concat(
                    row(5, 9), row(5, 9, 5, 9),
                    row(), row(-4, -1),
                    row(39), row(40, 1000));
            float[] logits = fresh.predict(rows, 6);

            assertThat(Arrays.copyOfRange(logits, 2, 4)).as("the mean of 5 and 9, whatever the padding")
                    .usingComparatorWithPrecision(1e-6f).containsExactly(logits[0], logits[1]);
            assertThat(Arrays.copyOfRange(logits, 4, 6)).as("padding only: a zero mean, so the fresh zero bias")
                    .containsExactly(0f, 0f);
            assertThat(Arrays.copyOfRange(logits, 6, 8)).as("negative ids are padding").containsExactly(0f, 0f);
            assertThat(logits[8]).as("a word moves the scores").isNotZero();
            assertThat(Arrays.copyOfRange(logits, 10, 12)).as("ids past the end are the last id")
                    .containsExactly(logits[8], logits[9]);
            float[] nan = fresh.predictProbabilities(row(Float.NaN), 1);
            assertThat(nan[0] + nan[1]).as("a NaN id still gets probabilities: %s", Arrays.toString(nan))
                    .isCloseTo(1f, within(1e-6f));
        }
    }

    @Test
    void trainingRefusesIdsTheVocabularyDoesNotHave() {
        LabelledData tooLarge = LabelledData.classification(concat(row(3, 40), row(4)), new long[] {0, 1});
        LabelledData fractional = LabelledData.classification(concat(row(3, 2.5f), row(4)), new long[] {0, 1});

        assertThatThrownBy(() -> new ModelTrainer().train(SPEC, PLAN, tooLarge, texts(10, 1), r -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training rows hold token id 40.0").hasMessageContaining("ids run 0 to 39");
        assertThatThrownBy(() -> new ModelTrainer().train(SPEC, PLAN, texts(10, 1), fractional, r -> { }, () -> false))
                .hasMessageContaining("validation rows hold token id 2.5");
    }

    @Test
    void parametersOfOneVocabularyDoNotLoadIntoAnother() throws Exception {
        ModelSpec larger = ModelSpec.withDefaults(ModelFamily.EMBEDDING_BAG, List.of(TOKENS), List.of(8), 2,
                LabelTask.CLASSIFICATION, new Vocabulary(41));
        try (LoadedModel trained = new ModelTrainer().train(SPEC, new TrainingPlan(1, 16, 0.02, 3, DevicePreference.CPU),
                texts(20, 1), texts(10, 2), r -> { }, () -> false)) {
            Path parameters = trained.saveParameters(scratch.resolve("forty"));

            assertThatThrownBy(() -> LoadedModel.load(larger, parameters, Device.cpu()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(40, 8)")
                    .hasMessageContaining("(41, 8)");
        }
    }

    /**
     * Texts of 3 to {@value #TOKENS} tokens, padded: class 1 draws its words from ids 2-20, class 0
     * from 21-39, and one token in four is the unknown word (1).
     */
    private static LabelledData texts(int count, long seed) {
        Random random = new Random(seed);
        float[] ids = new float[count * TOKENS];
        long[] classes = new long[count];
        for (int i = 0; i < count; i++) {
            classes[i] = i % 2;
            int length = 3 + random.nextInt(TOKENS - 2);
            for (int t = 0; t < length; t++) {
                ids[i * TOKENS + t] = random.nextInt(4) == 0 ? 1 : (classes[i] == 1 ? 2 : 21) + random.nextInt(19);
            }
        }
        return LabelledData.classification(ids, classes);
    }

    private static float[] row(float... ids) {
        return Arrays.copyOf(ids, TOKENS);
    }

    private static float[] concat(float[]... rows) {
        float[] all = new float[rows.length * TOKENS];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, all, r * TOKENS, TOKENS);
        }
        return all;
    }
}
