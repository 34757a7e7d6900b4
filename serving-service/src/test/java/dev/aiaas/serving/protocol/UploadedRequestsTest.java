package dev.aiaas.serving.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.ModelSignature;
import dev.aiaas.serving.model.RegisteredSignature;
import dev.aiaas.serving.model.TensorSignature;
import dev.aiaas.serving.model.TensorSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An uploaded model's request is its one input tensor as the signature declares it: INT64 values
 * arrive exactly (contents or raw), FP32 must be finite, and a tensor of another shape is refused
 * before its values are read.
 */
class UploadedRequestsTest {

    private static final RequestLimits LIMITS = new RequestLimits(100, 10_000, 10_000);
    private static final ModelSignature TOKENS = ModelSignature.uploaded(TensorSignature.servable(
            new RegisteredSignature(List.of(new TensorSpec("tokens", "INT64", List.of(-1L, 3L))),
                    List.of(new TensorSpec("logits", "FP32", List.of(-1L, 2L))), Optional.empty())));
    private static final ModelSignature FEATURES = ModelSignature.uploaded(TensorSignature.servable(
            new RegisteredSignature(List.of(new TensorSpec("input", "FP32", List.of(-1L, 2L))),
                    List.of(new TensorSpec("y", "FP32", List.of(-1L))), Optional.empty())));

    @Test
    void int64ValuesArriveExactlyFromContentsAndFromRawContents() {
        long big = (1L << 60) + 1; // not a double
        InferInputTensor.Builder tokens = InferInputTensor.newBuilder().setName("tokens").setDatatype("INT64")
                .addShape(2).addShape(3);
        ModelInferRequest contents = ModelInferRequest.newBuilder().addInputs(tokens.clone().setContents(
                InferTensorContents.newBuilder().addAllInt64Contents(List.of(1L, 2L, 3L, 4L, 5L, big)))).build();
        ByteBuffer raw = ByteBuffer.allocate(6 * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : new long[] {1, 2, 3, 4, 5, big}) {
            raw.putLong(value);
        }
        ModelInferRequest rawContents = ModelInferRequest.newBuilder().addInputs(tokens)
                .addRawInputContents(ByteString.copyFrom(raw.array())).build();

        for (ModelInferRequest request : List.of(contents, rawContents)) {
            InferenceInput.Tensor tensor = (InferenceInput.Tensor) TensorCodec.decode(request, TOKENS, LIMITS);
            assertThat(tensor.rows()).isEqualTo(2);
            assertThat(tensor.longs()).containsExactly(1, 2, 3, 4, 5, big);
        }
    }

    @Test
    void aTensorOfAnotherShapeOrNotFiniteIsRefused() {
        ModelInferRequest flat = ModelInferRequest.newBuilder().addInputs(InferInputTensor.newBuilder().setName("tokens")
                .setDatatype("INT64").addShape(6).setContents(InferTensorContents.newBuilder()
                        .addAllInt64Contents(List.of(1L, 2L, 3L, 4L, 5L, 6L)))).build();
        ModelInferRequest notANumber = ModelInferRequest.newBuilder().addInputs(InferInputTensor.newBuilder()
                .setName("input").setDatatype("FP32").addShape(1).addShape(2).setContents(InferTensorContents
                        .newBuilder().addFp32Contents(1f).addFp32Contents(Float.NaN))).build();

        assertThatThrownBy(() -> TensorCodec.decode(flat, TOKENS, LIMITS))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("input 'tokens' has shape [6]; this model takes one input, "
                            + "'tokens' (INT64 [-1, 3]): [batch, 3]");
                });
        assertThatThrownBy(() -> TensorCodec.decode(notANumber, FEATURES, LIMITS))
                .isInstanceOf(DomainException.class).hasMessageContaining("holds NaN at element 1");
    }
}
