package dev.aiaas.serving.protocol;

import com.google.protobuf.ByteString;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import java.util.Arrays;
import java.util.List;

/** Reads raw text and image columns, checked against the column's kind and image shape. */
final class RawColumns {

    private RawColumns() {
    }

    static void image(InferInputTensor input, TensorShape shape, ByteString raw, ColumnSpec spec, Object[] values) {
        int width = Arrays.stream(spec.shape()).reduce(1, Math::multiplyExact);
        if (!"UINT8".equals(input.getDatatype())) {
            throw DomainException.invalid("image column '" + input.getName() + "' has datatype " + input.getDatatype()
                    + "; images are UINT8 [batch, " + joined(spec.shape()) + "]");
        }
        if (shape.rowWidth() != width) {
            throw DomainException.invalid("image column '" + input.getName() + "' has shape " + shape
                    + "; this model takes [batch, " + joined(spec.shape()) + "]");
        }
        byte[] pixels;
        if (raw != null) {
            pixels = RawTensors.uint8(input.getName(), raw, shape.elements());
        } else {
            InferTensorContents c = input.getContents();
            shape.requireElements(input.getName(), c.getUintContentsCount());
            pixels = new byte[shape.elements()];
            for (int i = 0; i < pixels.length; i++) {
                int value = c.getUintContents(i);
                if (value < 0 || value > 255) {
                    throw DomainException.invalid("image column '" + input.getName() + "' holds " + value
                            + " at element " + i + ", outside 0-255");
                }
                pixels[i] = (byte) value;
            }
        }
        for (int row = 0; row < values.length; row++) {
            values[row] = Arrays.copyOfRange(pixels, row * width, (row + 1) * width);
        }
    }

    static void text(InferInputTensor input, TensorShape shape, ByteString raw, RequestLimits limits,
            Object[] values) {
        if (!"BYTES".equals(input.getDatatype())) {
            throw DomainException.invalid("categorical column '" + input.getName() + "' has datatype "
                    + input.getDatatype() + "; categories are BYTES (UTF-8 text), one per row");
        }
        if (shape.rowWidth() != 1) {
            throw DomainException.invalid("categorical column '" + input.getName() + "' has shape " + shape
                    + "; it takes one value per row: [batch] or [batch, 1]");
        }
        List<ByteString> texts;
        if (raw != null) {
            texts = RawTensors.bytes(input.getName(), raw, shape.elements(), limits.maxBytes());
        } else {
            texts = input.getContents().getBytesContentsList();
            shape.requireElements(input.getName(), texts.size());
        }
        for (int row = 0; row < values.length; row++) {
            values[row] = texts.get(row).toStringUtf8();
        }
    }

    private static String joined(int[] dims) {
        return String.join(", ", Arrays.stream(dims).mapToObj(String::valueOf).toList());
    }
}
