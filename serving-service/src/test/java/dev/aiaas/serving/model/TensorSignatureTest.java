package dev.aiaas.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.transform.LabelTask;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which uploaded signatures serving serves: one FP32 or INT64 input with fixed dimensions after
 * the batch, FP32 outputs with the batch first, a task of classes or numbers; anything else is
 * refused saying what.
 */
class TensorSignatureTest {

    private static final TensorSpec INPUT = new TensorSpec("input", "FP32", List.of(-1L, 4L));
    private static final TensorSpec PROBABILITIES = new TensorSpec("probabilities", "FP32", List.of(-1L, 3L));

    @Test
    void oneBatchedInputAndBatchedFp32OutputsAreServedAsDeclared() {
        TensorSignature served = TensorSignature.servable(new RegisteredSignature(List.of(INPUT),
                List.of(PROBABILITIES, new TensorSpec("embedding", "FP32", List.of(-1L, -1L))),
                Optional.of(LabelTask.CLASSIFICATION)));

        assertThat(served.input()).isEqualTo(INPUT);
        assertThat(served.outputNames()).containsExactly("probabilities", "embedding");
        assertThat(served.task()).isEqualTo(LabelTask.CLASSIFICATION);
        ModelSignature signature = ModelSignature.uploaded(served);
        assertThat(signature.uploaded()).isTrue();
        assertThat(signature.classifier()).as("no class labels: answered as computed").isFalse();
        assertThat(signature.outputNames()).containsExactly("probabilities", "embedding");
        assertThat(signature.describeInputs()).isEqualTo("one input, 'input' (FP32 [-1, 4]): [batch, 4]");
    }

    @Test
    void anInt64InputOfImagesShapeAndAnUnsaidTaskAreServedAsNumbers() {
        TensorSignature served = TensorSignature.servable(new RegisteredSignature(
                List.of(new TensorSpec("ids", "INT64", List.of(-1L, 2L, 3L))), List.of(PROBABILITIES),
                Optional.empty()));

        assertThat(served.task()).isEqualTo(LabelTask.REGRESSION);
        assertThat(ModelSignature.uploaded(served).preparedShape()).containsExactly(2, 3);
    }

    @Test
    void whatServingCannotFeedOrAnswerIsRefusedSayingWhich() {
        List<RegisteredSignature> refused = List.of(
                signature(List.of(INPUT, new TensorSpec("mask", "FP32", List.of(-1L, 4L))), PROBABILITIES),
                signature(List.of(new TensorSpec("input", "FP64", List.of(-1L, 4L))), PROBABILITIES),
                signature(List.of(new TensorSpec("input", "FP32", List.of(-1L, -1L))), PROBABILITIES),
                signature(List.of(new TensorSpec("input", "FP32", List.of(1L, 4L))), PROBABILITIES),
                signature(List.of(INPUT), new TensorSpec("classes", "INT64", List.of(-1L))),
                signature(List.of(INPUT), new TensorSpec("probabilities", "FP32", List.of(3L))),
                new RegisteredSignature(List.of(INPUT), List.of(PROBABILITIES), Optional.of(LabelTask.ANOMALY)));
        List<String> reasons = List.of("declares 2 inputs [input, mask]",
                "input 'input' (FP64 [-1, 4]) is not FP32 or INT64",
                "input 'input' (FP32 [-1, -1]) is not shaped [-1, d1, …] with every dimension after the batch fixed",
                "input 'input' (FP32 [1, 4]) is not shaped [-1, d1, …]",
                "output 'classes' (INT64 [-1]) is not FP32 shaped [-1, …]",
                "output 'probabilities' (FP32 [3]) is not FP32 shaped [-1, …]", "task is ANOMALY");
        for (int n = 0; n < refused.size(); n++) {
            RegisteredSignature signature = refused.get(n);
            assertThatThrownBy(() -> TensorSignature.servable(signature)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(reasons.get(n));
        }
    }

    private static RegisteredSignature signature(List<TensorSpec> inputs, TensorSpec output) {
        return new RegisteredSignature(inputs, List.of(output), Optional.empty());
    }
}
