package dev.aiaas.cli.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelInferResponse.InferOutputTensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsTest {

    @TempDir
    Path dir;

    @Test
    void aClassificationEntryIsProbabilityIndexAndALabelThatMayHoldColons() {
        assertThat(Predictions.parse("0.25:1:ratio 1:2")).isEqualTo(new Predictions.ClassProbability("ratio 1:2", 0.25));
    }

    @Test
    void plainProbabilitiesAreReadByClassIndexMostProbableFirst() {
        ModelInferResponse answer = ModelInferResponse.newBuilder()
                .addOutputs(InferOutputTensor.newBuilder().setName("probabilities").setDatatype("FP32").addShape(1)
                        .addShape(2).setContents(InferTensorContents.newBuilder().addFp32Contents(0.25f)
                                .addFp32Contents(0.75f)))
                .build();

        Predictions.Prediction row = Predictions.read(answer).get(0);

        assertThat(row.predicted()).isEqualTo("class 1");
        assertThat(row.classes()).extracting(Predictions.ClassProbability::probability).containsExactly(0.75, 0.25);
    }

    @Test
    void anOpenInferenceProtocolBodyBecomesTheGrpcRequestFieldForField() throws Exception {
        Path body = dir.resolve("body.json");
        Files.writeString(body, """
                {"id": "r1",
                 "inputs": [
                   {"name": "beak_length_mm", "shape": [2], "datatype": "FP64", "data": [39.1, null]},
                   {"name": "island", "shape": [2, 1], "datatype": "BYTES", "data": [["Torgersen"], ["Biscoe"]]}],
                 "outputs": [{"name": "probabilities", "parameters": {"classification": 2}}]}
                """);

        var request = OipJsonBody.read(body, "penguins").build();

        assertThat(request.getModelName()).isEqualTo("penguins");
        assertThat(request.getId()).isEqualTo("r1");
        assertThat(request.getInputs(0).getContents().getFp64Contents(0)).isEqualTo(39.1);
        assertThat(request.getInputs(0).getContents().getFp64Contents(1)).isNaN();
        assertThat(request.getInputs(1).getShapeList()).containsExactly(2L, 1L);
        assertThat(request.getInputs(1).getContents().getBytesContents(1).toStringUtf8()).isEqualTo("Biscoe");
        assertThat(request.getOutputs(0).getParametersMap().get("classification").getInt64Param()).isEqualTo(2);
    }
}
