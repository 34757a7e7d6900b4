package dev.aiaas.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.protobuf.ByteString;
import dev.aiaas.proto.common.v1.ConfusionMatrix;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelInferResponse.InferOutputTensor;
import dev.aiaas.proto.preprocess.v1.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextScenarioTest {

    @Test
    void theSamplesAreTheFilesFirstHamThenItsFirstSpam() throws Exception {
        List<Map<String, JsonNode>> mails = TextScenario.mails(Path.of("..", "datasets", TextScenario.FILE));

        List<Map<String, JsonNode>> chosen = TextScenario.samples(mails);

        assertThat(mails).hasSize(3_000);
        assertThat(chosen).extracting(mail -> mail.get("label").asText()).containsExactly("ham", "spam");
        assertThat(chosen.get(0)).isSameAs(mails.stream().filter(m -> m.get("label").asText().equals("ham"))
                .findFirst().orElseThrow());
        assertThat(chosen.get(1)).containsKeys("id", "subject", "body");
    }

    @Test
    void theMailDatasetTokenizesSubjectAndBodyForAnEmbeddingBagWithTheRecipeOfSpamClassifierTest() {
        DemoDataset mail = DemoDataset.spamMail(Path.of("datasets"));

        assertThat(mail.schema().getColumnsList()).extracting(c -> c.getName() + ":" + c.getType() + ":"
                + c.getNullable()).containsExactly("subject:STRING:true", "body:STRING:true", "label:STRING:false");
        assertThat(mail.schema().getLabelColumn()).isEqualTo("label");
        assertThat(mail.pipelineName()).isEqualTo("text");
        assertThat(mail.pipeline().getStepsList()).extracting(Step::getKindCase)
                .containsExactly(Step.KindCase.DROP_MISSING_LABEL, Step.KindCase.TOKENIZE);
        assertThat(mail.pipeline().getSteps(1).getTokenize().getColumnsList()).containsExactly("subject", "body");
        assertThat(mail.pipeline().hasSplit()).as("the default split: 70/15/15 stratified, seed 42").isFalse();
        assertThat(mail.hyperparameters().getHiddenUnitsList()).containsExactly(64);
        assertThat(mail.hyperparameters().getEpochs()).isEqualTo(8);
        assertThat(mail.hyperparameters().getLearningRate()).isEqualTo(0.003);
        assertThat(mail.hyperparameters().getSeed()).isEqualTo(42);
    }

    @Test
    void eachMailsSpamProbabilityIsReadByTheSpamClassesIndex() {
        ModelInferResponse answer = answer(new float[] {0.98f, 0.02f, 0.1f, 0.9f}, "ham", "spam");

        List<TextSummary.Classified> classified = TextScenario.classified(List.of(mail("ham", "Re: lunch"),
                mail("spam", "WIN $$$")), answer, List.of("ham", "spam"));

        assertThat(classified).extracting(TextSummary.Classified::actual, TextSummary.Classified::subject,
                TextSummary.Classified::predicted).containsExactly(
                        tuple("ham", "Re: lunch", "ham"), tuple("spam", "WIN $$$", "spam"));
        assertThat(classified.get(0).spamProbability()).isCloseTo(0.02, within(1e-6));
        assertThat(classified.get(1).spamProbability()).isCloseTo(0.9, within(1e-6));
        assertThatThrownBy(() -> TextScenario.classified(List.of(mail("ham", "x")), answer, List.of("ham", "spam")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("4 probabilities and 2 labels for 1");
    }

    @Test
    void alwaysAnsweringHamScoresTheTestSplitsShareOfHamFromTheConfusionMatrix() {
        TextSummary summary = summary(ConfusionMatrix.newBuilder().addLabels("ham").addLabels("spam")
                .addCounts(375).addCounts(0).addCounts(3).addCounts(72).build());

        assertThat(summary.testCount("ham")).isEqualTo(375);
        assertThat(summary.testCount("spam")).isEqualTo(75);
        assertThat(summary.testCount()).isEqualTo(450);
        assertThat(summary.alwaysHamAccuracy()).isCloseTo(375 / 450.0, within(1e-12));
        assertThat(summary(ConfusionMatrix.getDefaultInstance()).alwaysHamAccuracy()).isNaN();
    }

    @Test
    void theSummaryPrintsTheMeasuredFiguresAndEachMailsAnswer() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        summary(ConfusionMatrix.newBuilder().addLabels("ham").addLabels("spam").addCounts(375).addCounts(0)
                .addCounts(3).addCounts(72).build()).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).contains(
                "dataset mail v1: 3000 mails; splits (train/validation/test) [2100, 450, 450]; 15112 word ids learnt "
                        + "from the training mails' subjects and bodies; model mail v2",
                "test spam F1 0.9796: precision 1.0000, recall 0.9600; accuracy 0.9933 against 0.8333 for always "
                        + "answering ham (375 of the 450 test mails are ham)",
                "  a ham mail, \"Re: New Sequences Window\": ham (probability of spam 0.0100)",
                "  a spam mail, \"Make money fast, make money fast, make money fa…\": ham (probability of spam "
                        + "0.4000)  (miss)");
    }

    @Test
    void aSubjectIsShownOnOneLineAndCutWithAnEllipsis() {
        assertThat(TextSummary.shortened("  Re:\n  hello\tthere ", 48)).isEqualTo("Re: hello there");
        assertThat(TextSummary.shortened("abcdef ghij", 8)).isEqualTo("abcdef…");
    }

    private static TextSummary summary(ConfusionMatrix confusion) {
        DatasetOutcome outcome = new DatasetOutcome("mail", 1, 3000, List.of(2100L, 450L, 450L), "job-1", 2,
                Map.of("f1_positive", 0.9796, "precision_positive", 1.0, "recall_positive", 0.96, "accuracy", 0.9933),
                List.of());
        return new TextSummary(outcome, 15_112, confusion, List.of(
                new TextSummary.Classified("ham", "Re: New Sequences Window", "ham", 0.01),
                new TextSummary.Classified("spam", "Make money fast, make money fast, make money fast!!!", "ham", 0.4)),
                12.3);
    }

    private static Map<String, JsonNode> mail(String label, String subject) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return Map.of("label", json.textNode(label), "subject", json.textNode(subject), "body", json.textNode("…"));
    }

    private static ModelInferResponse answer(float[] probabilities, String... labels) {
        InferTensorContents.Builder values = InferTensorContents.newBuilder();
        for (float p : probabilities) {
            values.addFp32Contents(p);
        }
        InferTensorContents.Builder names = InferTensorContents.newBuilder();
        for (String label : labels) {
            names.addBytesContents(ByteString.copyFromUtf8(label));
        }
        return ModelInferResponse.newBuilder()
                .addOutputs(InferOutputTensor.newBuilder().setName("probabilities").setDatatype("FP32")
                        .addShape(labels.length).addShape(2).setContents(values))
                .addOutputs(InferOutputTensor.newBuilder().setName("predicted_label").setDatatype("BYTES")
                        .addShape(labels.length).setContents(names))
                .build();
    }
}
