package dev.aiaas.serving.protocol;

import com.google.protobuf.ByteString;
import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.serving.model.InferenceInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the inputs of an Open Inference Protocol request. One input named
 * {@value #PREPARED_INPUT} carries model-ready FP32 features [batch, …]; otherwise every
 * input is a raw column of the model's schema ([batch] numbers or BYTES text, [batch, h, w]
 * UINT8 images) and the server applies the fitted transform. Values come from
 * {@code contents} or, for all inputs at once, from {@code raw_input_contents}
 * (little-endian, row-major).
 */
public final class TensorCodec {

    public static final String PREPARED_INPUT = "input";

    private TensorCodec() {
    }

    public static InferenceInput decode(ModelInferRequest request) {
        List<InferInputTensor> inputs = request.getInputsList();
        if (inputs.isEmpty()) {
            throw DomainException.invalid("the request has no inputs: send '" + PREPARED_INPUT + "' or the raw columns");
        }
        boolean raw = request.getRawInputContentsCount() > 0;
        if (raw && request.getRawInputContentsCount() != inputs.size()) {
            throw DomainException.invalid("raw_input_contents has " + request.getRawInputContentsCount()
                    + " entries for " + inputs.size() + " inputs: send one per input, in order");
        }
        if (inputs.size() == 1 && PREPARED_INPUT.equals(inputs.get(0).getName())) {
            return prepared(inputs.get(0), raw ? request.getRawInputContents(0) : null);
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            columns.add(column(inputs.get(i), raw ? request.getRawInputContents(i) : null));
        }
        return records(columns);
    }

    private static InferenceInput prepared(InferInputTensor input, ByteString raw) {
        TensorShape shape = TensorShape.of(input);
        if (!"FP32".equals(input.getDatatype()) && !"FP64".equals(input.getDatatype())) {
            throw DomainException.invalid("input '" + input.getName() + "' has datatype " + input.getDatatype()
                    + "; model-ready features are FP32");
        }
        double[] values = numbers(input, raw, shape.elements());
        float[] features = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            features[i] = (float) values[i];
        }
        return new InferenceInput.Prepared(features, shape.batch(), shape.rowWidth());
    }

    /** One raw column: its name, row count and one value per row. */
    private record Column(String name, int rows, Object[] values) {
    }

    private static Column column(InferInputTensor input, ByteString raw) {
        TensorShape shape = TensorShape.of(input);
        Object[] values = new Object[shape.batch()];
        switch (input.getDatatype()) {
            case "BYTES" -> {
                List<ByteString> texts = raw == null ? input.getContents().getBytesContentsList() : RawTensors.bytes(raw);
                shape.requireElements(input.getName(), texts.size());
                for (int row = 0; row < values.length; row++) {
                    values[row] = texts.get(row).toStringUtf8();
                }
            }
            case "UINT8" -> {
                byte[] pixels = raw == null ? RawTensors.uint8(input.getContents().getUintContentsList()) : raw.toByteArray();
                shape.requireElements(input.getName(), pixels.length);
                int width = shape.rowWidth();
                for (int row = 0; row < values.length; row++) {
                    values[row] = java.util.Arrays.copyOfRange(pixels, row * width, (row + 1) * width);
                }
            }
            default -> {
                if (shape.rowWidth() != 1) {
                    throw DomainException.invalid("raw column '" + input.getName() + "' has shape " + shape
                            + "; a numeric column takes one value per row: [batch] or [batch, 1]");
                }
                double[] numbers = numbers(input, raw, shape.elements());
                for (int row = 0; row < values.length; row++) {
                    values[row] = Double.isNaN(numbers[row]) ? null : numbers[row];
                }
            }
        }
        return new Column(input.getName(), shape.batch(), values);
    }

    private static InferenceInput records(List<Column> columns) {
        int rows = columns.get(0).rows();
        for (Column column : columns) {
            if (column.rows() != rows) {
                throw DomainException.invalid("input '" + column.name() + "' has " + column.rows() + " rows, input '"
                        + columns.get(0).name() + "' has " + rows + ": every input needs the same batch size");
            }
        }
        List<Map<String, Object>> records = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            Map<String, Object> record = new HashMap<>();
            for (Column column : columns) {
                record.put(column.name(), column.values()[row]);
            }
            records.add(record);
        }
        return new InferenceInput.Raw(records);
    }

    private static double[] numbers(InferInputTensor input, ByteString raw, int expected) {
        double[] values = raw == null ? contents(input) : RawTensors.numbers(input.getName(), input.getDatatype(), raw);
        if (values.length != expected) {
            throw DomainException.invalid("input '" + input.getName() + "' has " + values.length + " values but shape "
                    + input.getShapeList() + " needs " + expected);
        }
        return values;
    }

    private static double[] contents(InferInputTensor input) {
        InferTensorContents c = input.getContents();
        return switch (input.getDatatype()) {
            case "FP32" -> c.getFp32ContentsList().stream().mapToDouble(Float::doubleValue).toArray();
            case "FP64" -> c.getFp64ContentsList().stream().mapToDouble(Double::doubleValue).toArray();
            case "INT8", "INT16", "INT32" -> c.getIntContentsList().stream().mapToDouble(Integer::doubleValue).toArray();
            case "INT64" -> c.getInt64ContentsList().stream().mapToDouble(Long::doubleValue).toArray();
            case "BOOL" -> c.getBoolContentsList().stream().mapToDouble(b -> b ? 1 : 0).toArray();
            default -> throw DomainException.invalid("input '" + input.getName() + "' has datatype "
                    + input.getDatatype() + ": use FP32, FP64, INT32, INT64, BOOL, UINT8 (images) or BYTES (text)");
        };
    }

    static ByteBuffer littleEndian(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
