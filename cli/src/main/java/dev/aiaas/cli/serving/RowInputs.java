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
 * encodes as no category), a text model's text columns as BYTES too (the whole text, which the
 * server tokenizes; a missing one as empty text, which has no words), images as UINT8. Columns the model does not read (the label) are
 * left out; a column the rows lack is sent as missing.
 *
 * <p>A windowed (sequence) model, whose raw columns the metadata shapes {@code [-1, W]}, takes
 * W rows per example: every W consecutive rows, oldest first, are one example, so each column
 * goes as {@code [rows / W, W]} in the rows' order. That keeps a file of one series' last W
 * rows one forecast, with no column to say where examples start.
 */
public final class RowInputs {

    /** The model-ready input, which rows of a file never fill. */
    static final String PREPARED_INPUT = "input";

    private RowInputs() {
    }

    /**
     * Raw rows per example of the model whose inputs are {@code inputs}: W for a windowed model
     * (a non-image raw column shaped {@code [-1, W]}), otherwise 1.
     */
    public static int rowsPerExample(List<TensorMetadata> inputs) {
        return inputs.stream().filter(input -> !input.getName().equals(PREPARED_INPUT))
                .filter(input -> !input.getDatatype().equals("UINT8") && input.getShapeCount() == 2)
                .mapToInt(input -> (int) input.getShape(1)).filter(width -> width > 0).findFirst().orElse(1);
    }

    /**
     * Adds one input per raw column of {@code inputs} to {@code request}.
     *
     * @param rows each row's values by column name; a CSV cell is a text node
     * @throws dev.aiaas.cli.CommandFailure (usage) for a value that does not fit its column, or
     *                                      rows that do not fill whole windows of a windowed model
     */
    public static void add(ModelInferRequest.Builder request, List<TensorMetadata> inputs,
            List<Map<String, JsonNode>> rows) {
        int window = rowsPerExample(inputs);
        if (rows.size() % window != 0) {
            throw CommandFailure.usage("the model takes windows of " + window + " rows (every " + window
                    + " consecutive rows, oldest first, are one example), but " + rows.size() + " rows were read: "
                    + "give a multiple of " + window + " (--limit " + window + " predicts from the first " + window
                    + ")");
        }
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
                    .setDatatype(datatype);
            if (window == 1) {
                tensor.addShape(rows.size());
            } else {
                tensor.addShape(rows.size() / window).addShape(window);
            }
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
