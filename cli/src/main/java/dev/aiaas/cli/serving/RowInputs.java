package dev.aiaas.cli.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelMetadataResponse.TensorMetadata;
import java.util.List;
import java.util.Map;

/**
 * Rows of a file (CSV cells or JSON values, by column name) as the raw columns a served model
 * reads, one input per column: numbers as FP64 (a missing value as NaN, which the model's
 * fitted transform imputes), categories as BYTES (a missing one as empty text, which one-hot
 * encodes as no category), images as UINT8. Columns the model does not read (the label) are
 * left out; a column the rows lack is sent as missing.
 */
final class RowInputs {

    /** The model-ready input, which rows of a file never fill. */
    static final String PREPARED_INPUT = "input";

    private RowInputs() {
    }

    /**
     * Adds one input per raw column of {@code inputs} to {@code request}.
     *
     * @param rows each row's values by column name; a CSV cell is a text node
     */
    static void add(ModelInferRequest.Builder request, List<TensorMetadata> inputs, List<Map<String, JsonNode>> rows) {
        for (TensorMetadata input : inputs) {
            if (input.getName().equals(PREPARED_INPUT)) {
                continue;
            }
            String datatype = switch (input.getDatatype()) {
                case "BYTES", "UINT8" -> input.getDatatype();
                default -> "FP64"; // any numeric column takes FP64
            };
            InferTensorContents.Builder contents = InferTensorContents.newBuilder();
            InferInputTensor.Builder tensor = InferInputTensor.newBuilder().setName(input.getName())
                    .setDatatype(datatype).addShape(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                JsonNode value = rows.get(r).get(input.getName());
                switch (datatype) {
                    case "BYTES" -> contents.addBytesContents(ByteString.copyFromUtf8(missing(value) ? "" : value.asText()));
                    case "UINT8" -> image(contents, tensor, input, value, r);
                    default -> contents.addFp64Contents(number(value, input.getName(), r));
                }
            }
            request.addInputs(tensor.setContents(contents));
        }
    }

    private static double number(JsonNode value, String column, int row) {
        if (missing(value)) {
            return Double.NaN;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return Double.parseDouble(value.asText().strip());
        } catch (NumberFormatException e) {
            throw CommandFailure.usage("row " + (row + 1) + ", column " + column + ": '" + value.asText()
                    + "' is not a number");
        }
    }

    private static void image(InferTensorContents.Builder contents, InferInputTensor.Builder tensor,
            TensorMetadata input, JsonNode value, int row) {
        if (value == null || !value.isArray()) {
            throw CommandFailure.usage("row " + (row + 1) + ", column " + input.getName() + ": an image is a JSON "
                    + "array of pixel values 0-255 (JSON lines only)");
        }
        if (row == 0) {
            input.getShapeList().stream().skip(1).forEach(tensor::addShape);
        }
        flatten(value, contents);
    }

    private static void flatten(JsonNode value, InferTensorContents.Builder contents) {
        if (value.isArray()) {
            value.forEach(element -> flatten(element, contents));
        } else {
            contents.addUintContents(value.asInt());
        }
    }

    private static boolean missing(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
    }
}
