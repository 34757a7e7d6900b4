package dev.aiaas.serving.protocol;

import com.google.protobuf.ByteString;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.serving.model.ModelSignature;
import java.util.Arrays;
import java.util.List;

/** Reads raw text and image columns, checked against the column's kind and image shape. */
final class RawColumns {

    private RawColumns() {
    }

    /** One image per row, or per window step of a sequence model (rows × window of them), row-major. */
    static Object[] image(InferInputTensor input, TensorShape shape, ByteString raw, ColumnSpec spec,
            ModelSignature signature) {
        int width = Arrays.stream(spec.shape()).reduce(1, Math::multiplyExact);
        String expected = "[batch, " + (signature.windowed() ? signature.window() + ", " : "") + joined(spec.shape())
                + "]";
        if (!"UINT8".equals(input.getDatatype())) {
            throw DomainException.invalid("image column '" + input.getName() + "' has datatype " + input.getDatatype()
                    + "; images are UINT8 " + expected);
        }
        if ((long) shape.rowWidth() != (long) width * signature.rawRowsPerExample()) {
            throw DomainException.invalid("image column '" + input.getName() + "' has shape " + shape
                    + "; this model takes " + expected
                    + (signature.windowed() ? ": the " + signature.window() + " images of each example, oldest first"
                    : ""));
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
        Object[] values = new Object[shape.batch() * signature.rawRowsPerExample()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Arrays.copyOfRange(pixels, i * width, (i + 1) * width);
        }
        return values;
    }

    /** The column's texts, one per element of its shape (the caller checked the shape's width). */
    static Object[] text(InferInputTensor input, TensorShape shape, ByteString raw, RequestLimits limits) {
        if (!"BYTES".equals(input.getDatatype())) {
            throw DomainException.invalid("categorical column '" + input.getName() + "' has datatype "
                    + input.getDatatype() + "; categories are BYTES (UTF-8 text), one per row");
        }
        List<ByteString> texts;
        if (raw != null) {
            texts = RawTensors.bytes(input.getName(), raw, shape.elements(), limits.maxBytes());
        } else {
            texts = input.getContents().getBytesContentsList();
            shape.requireElements(input.getName(), texts.size());
        }
        Object[] values = new Object[shape.elements()];
        for (int i = 0; i < values.length; i++) {
            values[i] = texts.get(i).toStringUtf8();
        }
        return values;
    }

    private static String joined(int[] dims) {
        return String.join(", ", Arrays.stream(dims).mapToObj(String::valueOf).toList());
    }
}
