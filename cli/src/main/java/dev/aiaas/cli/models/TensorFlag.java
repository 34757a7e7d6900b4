package dev.aiaas.cli.models;

import dev.aiaas.proto.common.v1.TensorSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --input} / {@code --output NAME:DATATYPE:SHAPE}: one tensor of an uploaded model's
 * signature, e.g. {@code features:FP32:-1,4} (or {@code -1x4}). The name may itself hold colons
 * (ONNX names such as {@code input:0}): the datatype and shape are the last two parts. The
 * registry's rules are checked here too, so a mistake is a usage error before anything is sent.
 */
public final class TensorFlag implements ITypeConverter<TensorSpec> {

    /** The datatypes a TorchScript or ONNX model is served with (the registry takes no others). */
    static final List<String> DATATYPES = List.of("FP32", "FP64", "INT32", "INT64");

    @Override
    public TensorSpec convert(String text) {
        int shapeColon = text.lastIndexOf(':');
        int typeColon = shapeColon <= 0 ? -1 : text.lastIndexOf(':', shapeColon - 1);
        if (typeColon <= 0 || text.substring(0, typeColon).isBlank()) {
            throw new TypeConversionException("'" + text + "' is not NAME:DATATYPE:SHAPE (e.g. features:FP32:-1,4)");
        }
        String datatype = text.substring(typeColon + 1, shapeColon).strip().toUpperCase(Locale.ROOT);
        if (!DATATYPES.contains(datatype)) {
            throw new TypeConversionException("'" + text + "': the datatype is one of " + String.join(", ", DATATYPES));
        }
        return TensorSpec.newBuilder().setName(text.substring(0, typeColon).strip()).setDatatype(datatype)
                .addAllShape(shape(text.substring(shapeColon + 1), text)).build();
    }

    /** {@code -1,4} or {@code -1x4}: each dimension a positive size or -1 for a free one. */
    private static List<Long> shape(String dims, String text) {
        String[] parts = dims.strip().split("[,x]", -1);
        try {
            List<Long> shape = Arrays.stream(parts).map(String::strip).map(Long::parseLong).toList();
            if (shape.stream().allMatch(d -> d > 0 || d == -1)) {
                return shape;
            }
        } catch (NumberFormatException e) {
            // reported below with what a shape looks like
        }
        throw new TypeConversionException("'" + text + "': the shape is its dimensions separated by ',' or 'x', each "
                + "a positive size or -1 for a free one (the first is the batch), e.g. -1,4");
    }
}
