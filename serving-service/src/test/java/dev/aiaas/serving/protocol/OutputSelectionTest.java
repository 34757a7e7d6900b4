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
import org.junit.jupiter.api.Test;

/** Which outputs a request may ask for depends on what the model predicts: classes or numbers. */
class OutputSelectionTest {

    private static final ModelSignature CLASSIFIER = new ModelSignature(List.of(4), List.of(ColumnSpec.numeric("x")),
            List.of("a", "b", "c"), 3, LabelTask.CLASSIFICATION);
    private static final ModelSignature REGRESSOR = new ModelSignature(List.of(2), List.of(ColumnSpec.numeric("x")),
            List.of(), 1, LabelTask.REGRESSION);

    @Test
    void aRequestNamingNoOutputGetsEveryOutputOfItsModelsTask() {
        assertThat(OutputSelection.of(request(), CLASSIFIER))
                .isEqualTo(new OutputSelection(true, true, true, false, 0));
        assertThat(OutputSelection.of(request(), REGRESSOR))
                .isEqualTo(new OutputSelection(false, false, false, true, 0));
        assertThat(CLASSIFIER.outputNames()).containsExactly("probabilities", "predicted_class", "predicted_label");
        assertThat(REGRESSOR.outputNames()).containsExactly("predictions");
    }

    @Test
    void aRegressionModelRefusesAClassifiersOutputsSayingToAskForPredictions() {
        for (String name : List.of("probabilities", "predicted_class", "predicted_label")) {
            assertInvalid(() -> OutputSelection.of(request(output(name)), REGRESSOR), "output '" + name
                    + "' is a classifier's; this model predicts numbers (regression): ask for 'predictions'");
        }
        assertThat(OutputSelection.of(request(output("predictions")), REGRESSOR).predictions()).isTrue();
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
        assertInvalid(() -> OutputSelection.of(request(output("scores")), REGRESSOR),
                "output 'scores' is not an output of this model: ask for [predictions]");
        assertInvalid(() -> OutputSelection.of(request(output("scores")), CLASSIFIER),
                "ask for [predicted_class, predicted_label, probabilities]");
        assertInvalid(() -> OutputSelection.of(request(output("predictions")), CLASSIFIER),
                "this model predicts classes");
    }

    @Test
    void aClassifierStillAnswersTheClassificationExtension() {
        InferRequestedOutputTensor topTwo = output("probabilities").toBuilder()
                .putParameters("classification", InferParameter.newBuilder().setInt64Param(2).build()).build();

        assertThat(OutputSelection.of(request(topTwo), CLASSIFIER))
                .isEqualTo(new OutputSelection(true, false, false, false, 2));
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
