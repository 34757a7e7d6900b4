package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.ml.metrics.ClassificationMetrics;
import dev.aiaas.ml.split.SplitIndices;
import dev.aiaas.ml.split.StratifiedSplit;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.table.RecordTableBuilder;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.FeatureMatrix;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedTokenize;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.Tokenize;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * An EMBEDDING_BAG learns to tell spam from ham in real mail (SpamAssassin's public corpus,
 * 2,500 ham and 500 spam), prepared as the preprocess service prepares text: the subject's and
 * the body's words as ids of a vocabulary learned on the training split.
 */
class SpamClassifierTest {

    private static final int TOKENS = 256;
    private static final int SPAM = 1;

    @Test
    void anEmbeddingBagCatchesSpamInMailItNeverSaw() throws IOException {
        Table mail = readMail();
        SplitIndices split = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).split(mail);
        FittedPipeline fitted = new Pipeline(List.of(new Tokenize(List.of("subject", "body"), TOKENS, 20_000, 2)),
                LabelTask.CLASSIFICATION).fit(mail.select(split.train()));
        FittedTokenize tokens = (FittedTokenize) fitted.steps().get(0);
        ModelSpec spec = ModelSpec.withDefaults(ModelFamily.EMBEDDING_BAG, List.of(TOKENS), List.of(), 2,
                LabelTask.CLASSIFICATION, new Vocabulary(tokens.vocabularySize()));
        LabelledData train = rows(fitted.apply(mail.select(split.train())));
        LabelledData validation = rows(fitted.apply(mail.select(split.validation())));
        LabelledData test = rows(fitted.apply(mail.select(split.test())));
        List<EpochReport> epochs = new ArrayList<>();

        try (LoadedModel model = new ModelTrainer().train(spec, new TrainingPlan(8, 32, 0.003, 42, DevicePreference.CPU),
                train, validation, epochs::add, () -> false)) {
            Map<String, Double> metrics = ModelEvaluator.evaluate(model, test).metrics();
            ClassificationMetrics confusion = ModelEvaluator.classification(model, test);
            long caught = confusion.count(SPAM, SPAM);
            long missed = confusion.count(SPAM, 0);
            long falseAlarms = confusion.count(0, SPAM);
            double f1 = 2.0 * caught / (2 * caught + missed + falseAlarms);
            double alwaysHam = test.rowsOfClass(0).length / (double) test.rows();
            System.out.printf("spam: vocabulary %d ids, %d/%d/%d rows; epochs' validation accuracy %s%n"
                    + "  test spam F1 %.4f, precision %.4f, recall %.4f, accuracy %.4f, ROC-AUC %.4f, confusion %s%n"
                    + "  always-ham accuracy %.4f (spam F1 0)%n",
                    tokens.vocabularySize(), train.rows(), validation.rows(), test.rows(),
                    epochs.stream().map(e -> String.format("%.3f", e.validation().get("accuracy"))).toList(),
                    metrics.get("f1_positive"), metrics.get("precision_positive"), metrics.get("recall_positive"),
                    metrics.get("accuracy"), metrics.get("roc_auc"), Arrays.toString(confusion.confusionMatrix()),
                    alwaysHam);

            assertThat(fitted.classLabels()).as("spam is class 1, the positive class").containsExactly("ham", "spam");
            assertThat(Arrays.stream(test.classes()).filter(c -> c == SPAM).count()).isEqualTo(75);
            assertThat(metrics.get("f1_positive")).as("the evaluator's spam F1 is the confusion matrix's")
                    .isCloseTo(f1, within(1e-12));
            assertThat(f1).as("spam F1 on the test mail").isGreaterThanOrEqualTo(0.90);
            assertThat(metrics.get("accuracy")).isGreaterThan(alwaysHam);
        }
    }

    /** Each JSON line's subject and body (text) and label ("ham" or "spam"). */
    private static Table readMail() throws IOException {
        RecordTableBuilder builder = new RecordTableBuilder(List.of(ColumnSpec.categorical("subject"),
                ColumnSpec.categorical("body"), ColumnSpec.categorical("label")), "label");
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(RealData.file("spam-assassin-1.jsonl.gz"))), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                builder.add(json.readValue(line, new TypeReference<Map<String, Object>>() { }));
            }
        }
        return builder.build();
    }

    private static LabelledData rows(FeatureMatrix matrix) {
        assertThat(matrix.rowShape()).containsExactly(TOKENS);
        return LabelledData.classification(matrix.values(), Arrays.stream(matrix.labels()).asLongStream().toArray());
    }
}
