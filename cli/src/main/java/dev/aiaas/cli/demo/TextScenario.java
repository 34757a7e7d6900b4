package dev.aiaas.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.cli.Services;
import dev.aiaas.proto.inference.ModelInferResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Text classification on SpamAssassin mail: the subject's and body's words become the ids of a
 * vocabulary learnt on the training mails (the Tokenize step), an EMBEDDING_BAG classifier
 * (the mean of its words' embeddings, then a linear layer) learns spam from ham, and is measured
 * by its F1, precision and recall on the test split's spam beside the accuracy of always
 * answering ham; then two mails of the file, one ham and one spam, are classified through the
 * Open Inference Protocol from their raw text, as {@code aiaas predict --jsonl} sends it: the
 * server tokenizes them with the model's own vocabulary.
 */
public final class TextScenario {

    /** The bundled mail. */
    public static final String FILE = "spam-assassin-1.jsonl.gz";
    /** The text columns, tokenized in this order. */
    public static final List<String> TEXT_COLUMNS = List.of("subject", "body");
    /** The label column. */
    public static final String LABEL = "label";
    /** The class the F1, precision and recall are of (the second label in sorted order). */
    public static final String POSITIVE = "spam";
    /** The other class. */
    public static final String NEGATIVE = "ham";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Services services;
    private final Progress progress;
    private final Path datasets;

    public TextScenario(Services services, Progress progress, Path datasets) {
        this.services = services;
        this.progress = progress;
        this.datasets = datasets;
    }

    public TextSummary run() throws Exception {
        long started = System.nanoTime();
        DemoDataset mail = DemoDataset.spamMail(datasets);
        LifecycleRun.Result run = new LifecycleRun(services, progress).run(mail);
        DatasetOutcome outcome = DatasetOutcome.of(run, List.of());
        progress.step("%s: test spam F1 %.4f (precision %.4f, recall %.4f), accuracy %.4f", mail.name(),
                outcome.metric("f1_positive"), outcome.metric("precision_positive"),
                outcome.metric("recall_positive"), outcome.metric("accuracy"));

        List<Map<String, JsonNode>> chosen = samples(mails(mail.file()));
        ModelInferResponse answer = services.inference().modelInfer(SamplePredictions.rawRows(services.inference(),
                mail.name(), chosen));
        List<TextSummary.Classified> classified = classified(chosen, answer, run.prepared().getClassLabelsList());
        progress.step("%s: classified %d raw mails through the Open Inference Protocol", mail.name(),
                classified.size());
        return new TextSummary(outcome, run.prepared().getVocabularySize(),
                run.job().getEvaluation().getConfusionMatrix(), classified, (System.nanoTime() - started) / 1e9);
    }

    /** The mails of the bundled file (gzipped JSON lines), each with its subject, body, label and id. */
    public static List<Map<String, JsonNode>> mails(Path gz) throws IOException {
        List<Map<String, JsonNode>> mails = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, JsonNode> mail = new LinkedHashMap<>();
                JSON.readTree(line).properties().forEach(field -> mail.put(field.getKey(), field.getValue()));
                mails.add(mail);
            }
        }
        return mails;
    }

    /** The file's first ham mail, then its first spam. */
    public static List<Map<String, JsonNode>> samples(List<Map<String, JsonNode>> mails) {
        List<Map<String, JsonNode>> chosen = new ArrayList<>();
        for (String label : List.of(NEGATIVE, POSITIVE)) {
            mails.stream().filter(mail -> mail.get(LABEL) != null && mail.get(LABEL).asText().equals(label))
                    .findFirst().ifPresent(chosen::add);
        }
        return chosen;
    }

    /**
     * What the endpoint answered for each mail: the predicted label and the probability of
     * spam, read by the class's index in {@code classLabels} (the prepared dataset's, sorted).
     */
    static List<TextSummary.Classified> classified(List<Map<String, JsonNode>> mails, ModelInferResponse answer,
            List<String> classLabels) {
        float[] probabilities = RawOutputs.floats(answer, "probabilities");
        List<String> predicted = RawOutputs.texts(answer, "predicted_label");
        int classes = classLabels.size();
        int positive = classLabels.indexOf(POSITIVE);
        if (positive < 0 || probabilities.length != mails.size() * classes || predicted.size() != mails.size()) {
            throw new IllegalStateException("the endpoint answered " + probabilities.length + " probabilities and "
                    + predicted.size() + " labels for " + mails.size() + " mails of the classes " + classLabels);
        }
        List<TextSummary.Classified> classified = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            Map<String, JsonNode> mail = mails.get(i);
            classified.add(new TextSummary.Classified(mail.get(LABEL).asText(), text(mail, "subject"),
                    predicted.get(i), probabilities[i * classes + positive]));
        }
        return classified;
    }

    private static String text(Map<String, JsonNode> mail, String column) {
        JsonNode value = mail.get(column);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
