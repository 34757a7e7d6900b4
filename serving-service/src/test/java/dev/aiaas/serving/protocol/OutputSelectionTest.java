package dev.aiaas.serving.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import dev.aiaas.serving.model.ModelSignature;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which outputs a request may ask for depends on what the model does: predict classes or numbers,
 * detect anomalies, or recommend items.
 */
class OutputSelectionTest {

    private static final ModelSignature CLASSIFIER = new ModelSignature(List.of(4), List.of(ColumnSpec.numeric("x")),
            List.of("a", "b", "c"), 3, LabelTask.CLASSIFICATION);
    private static final ModelSignature REGRESSOR = new ModelSignature(List.of(2), List.of(ColumnSpec.numeric("x")),
            List.of(), 1, LabelTask.REGRESSION);
    private static final ModelSignature DETECTOR = new ModelSignature(List.of(3), List.of(ColumnSpec.numeric("x")),
            List.of(), 1, LabelTask.ANOMALY);
    private static final ModelSignature RECOMMENDER = new ModelSignature(List.of(), List.of(), List.of(), 12,
            LabelTask.RECOMMENDATION);

    @Test
    void aRequestNamingNoOutputGetsEveryOutputOfItsModelsTask() {
        assertThat(OutputSelection.of(request(), CLASSIFIER))
                .isEqualTo(new OutputSelection(Set.of("probabilities", "predicted_class", "predicted_label"), 0));
        assertThat(OutputSelection.of(request(), REGRESSOR)).isEqualTo(new OutputSelection(Set.of("predictions"), 0));
        assertThat(OutputSelection.of(request(), DETECTOR))
                .isEqualTo(new OutputSelection(Set.of("anomaly_score", "is_anomaly"), 0));
        assertThat(CLASSIFIER.outputNames()).containsExactly("probabilities", "predicted_class", "predicted_label");
        assertThat(REGRESSOR.outputNames()).containsExactly("predictions");
        assertThat(DETECTOR.outputNames()).containsExactly("anomaly_score", "is_anomaly");
        assertThat(OutputSelection.of(request(), RECOMMENDER)).isEqualTo(new OutputSelection(Set.of("items", "scores"),
                0));
        assertThat(RECOMMENDER.outputNames()).containsExactly("items", "scores");
    }

    @Test
    void aRegressionModelRefusesAClassifiersOutputsSayingToAskForPredictions() {
        for (String name : List.of("probabilities", "predicted_class", "predicted_label")) {
            assertInvalid(() -> OutputSelection.of(request(output(name)), REGRESSOR), "output '" + name
                    + "' is a classifier's; this model predicts numbers (regression): ask for 'predictions'");
        }
        assertThat(OutputSelection.of(request(output("predictions")), REGRESSOR).wants("predictions")).isTrue();
    }

    @Test
    void aRegressionModelRefusesTheClassificationExtension() {
        InferRequestedOutputTensor topOne = output("predictions").toBuilder()
                .putParameters("classification", InferParameter.newBuilder().setInt64Param(1).build()).build();

        assertInvalid(() -> OutputSelection.of(request(topOne), REGRESSOR),
                "parameters.classification ranks a classifier's classes; this model predicts numbers");
    }

    @Test
    void anUnknownOutputIsRefusedNamingTheOutputsOfTheModelsTask() {
        assertInvalid(() -> OutputSelection.of(request(output("logits")), REGRESSOR),
                "output 'logits' is not an output of this model: ask for [predictions]");
        assertInvalid(() -> OutputSelection.of(request(output("logits")), CLASSIFIER),
                "ask for [predicted_class, predicted_label, probabilities]");
        assertInvalid(() -> OutputSelection.of(request(output("logits")), DETECTOR),
                "ask for [anomaly_score, is_anomaly]");
        assertInvalid(() -> OutputSelection.of(request(output("logits")), RECOMMENDER),
                "ask for [items, scores]");
        assertInvalid(() -> OutputSelection.of(request(output("predictions")), CLASSIFIER),
                "this model predicts classes");
    }

    @Test
    void aClassifierStillAnswersTheClassificationExtension() {
        InferRequestedOutputTensor topTwo = output("probabilities").toBuilder()
                .putParameters("classification", InferParameter.newBuilder().setInt64Param(2).build()).build();

        assertThat(OutputSelection.of(request(topTwo), CLASSIFIER))
                .isEqualTo(new OutputSelection(Set.of("probabilities"), 2));
    }

    @Test
    void anAnomalyDetectorAnswersEitherOutputAlone() {
        assertThat(OutputSelection.of(request(output("is_anomaly")), DETECTOR))
                .isEqualTo(new OutputSelection(Set.of("is_anomaly"), 0));
        assertThat(OutputSelection.of(request(output("anomaly_score")), DETECTOR))
                .isEqualTo(new OutputSelection(Set.of("anomaly_score"), 0));
    }

    @Test
    void anAnomalyDetectorRefusesTheOtherTasksOutputsSayingWhatToAskFor() {
        for (String name : List.of("probabilities", "predicted_class", "predicted_label")) {
            assertInvalid(() -> OutputSelection.of(request(output(name)), DETECTOR), "output '" + name
                    + "' is a classifier's; this model detects anomalies: ask for 'anomaly_score' or 'is_anomaly'");
        }
        assertInvalid(() -> OutputSelection.of(request(output("predictions")), DETECTOR), "output 'predictions' is "
                + "a regression model's; this model detects anomalies: ask for 'anomaly_score' or 'is_anomaly'");
        InferRequestedOutputTensor topOne = output("anomaly_score").toBuilder()
                .putParameters("classification", InferParameter.newBuilder().setInt64Param(1).build()).build();
        assertInvalid(() -> OutputSelection.of(request(topOne), DETECTOR),
                "parameters.classification ranks a classifier's classes; this model detects anomalies");
    }

    @Test
    void classifiersAndRegressionModelsRefuseAnAnomalyDetectorsOutputs() {
        for (String name : List.of("anomaly_score", "is_anomaly")) {
            assertInvalid(() -> OutputSelection.of(request(output(name)), CLASSIFIER), "output '" + name
                    + "' is an anomaly detector's; this model predicts classes: ask for [predicted_class, "
                    + "predicted_label, probabilities]");
            assertInvalid(() -> OutputSelection.of(request(output(name)), REGRESSOR), "output '" + name
                    + "' is an anomaly detector's; this model predicts numbers (regression): ask for 'predictions'");
        }
    }

    @Test
    void aRecommenderAnswersEitherOutputAloneAndRefusesTheOtherTasksOutputs() {
        assertThat(OutputSelection.of(request(output("items")), RECOMMENDER))
                .isEqualTo(new OutputSelection(Set.of("items"), 0));
        for (String name : List.of("probabilities", "predictions", "anomaly_score")) {
            assertInvalid(() -> OutputSelection.of(request(output(name)), RECOMMENDER), "output '" + name
                    + "' is a");
            assertInvalid(() -> OutputSelection.of(request(output(name)), RECOMMENDER),
                    "this model recommends items for users: ask for 'items' or 'scores'");
        }
        InferRequestedOutputTensor topOne = output("scores").toBuilder()
                .putParameters("classification", InferParameter.newBuilder().setInt64Param(1).build()).build();
        assertInvalid(() -> OutputSelection.of(request(topOne), RECOMMENDER),
                "parameters.classification ranks a classifier's classes; this model recommends items");
    }

    @Test
    void otherModelsRefuseARecommendersOutputsNamingItsOwner() {
        for (String name : List.of("items", "scores")) {
            assertInvalid(() -> OutputSelection.of(request(output(name)), CLASSIFIER), "output '" + name
                    + "' is a recommender's; this model predicts classes");
            assertInvalid(() -> OutputSelection.of(request(output(name)), REGRESSOR), "output '" + name
                    + "' is a recommender's; this model predicts numbers (regression): ask for 'predictions'");
            assertInvalid(() -> OutputSelection.of(request(output(name)), DETECTOR), "output '" + name
                    + "' is a recommender's; this model detects anomalies");
        }
    }

    private static ModelInferRequest request(InferRequestedOutputTensor... outputs) {
        return ModelInferRequest.newBuilder().setModelName("m").addAllOutputs(List.of(outputs)).build();
    }

    private static InferRequestedOutputTensor output(String name) {
        return InferRequestedOutputTensor.newBuilder().setName(name).build();
    }

    private static void assertInvalid(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
