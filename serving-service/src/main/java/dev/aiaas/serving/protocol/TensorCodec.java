package dev.aiaas.serving.protocol;

import com.google.protobuf.ByteString;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.ModelSignature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the inputs of an Open Inference Protocol request against the served version's
 * {@link ModelSignature}. A recommender's request carries user ids ({@link RecommenderRequests}),
 * an uploaded model's its one input tensor as its signature declares it ({@link UploadedRequests}).
 * Otherwise one input named {@value ModelSignature#PREPARED_INPUT} carries
 * model-ready features [batch, …], or every input is a raw column of the model's
 * schema ([batch] numbers or BYTES text, [batch, h, w] UINT8 images) and the server applies
 * the fitted transform. A sequence model's raw columns carry a window of W rows per example
 * ([batch, W], or [batch, W, h, w] for images), oldest first. Every shape, name, datatype and size is checked before the tensor's
 * values are copied out of the message.
 */
public final class TensorCodec {

    private TensorCodec() {
    }

    public static InferenceInput decode(ModelInferRequest request, ModelSignature signature, RequestLimits limits) {
        List<InferInputTensor> inputs = request.getInputsList();
        if (inputs.isEmpty()) {
            throw DomainException.invalid("the request has no inputs: send " + signature.describeInputs());
        }
        boolean raw = request.getRawInputContentsCount() > 0;
        if (raw && request.getRawInputContentsCount() != inputs.size()) {
            throw DomainException.invalid("raw_input_contents has " + request.getRawInputContentsCount()
                    + " entries for " + inputs.size() + " inputs: send one per input, in order");
        }
        OutputSelection.of(request, signature); // unknown output names fail before any work
        List<TensorShape> shapes = admit(inputs, limits);
        if (signature.uploaded()) {
            return UploadedRequests.decode(request, shapes.get(0), signature);
        }
        if (signature.recommender()) {
            return RecommenderRequests.decode(request, shapes.get(0), signature, limits);
        }
        if (inputs.size() == 1 && ModelSignature.PREPARED_INPUT.equals(inputs.get(0).getName())) {
            return prepared(inputs.get(0), shapes.get(0), raw ? request.getRawInputContents(0) : null, signature);
        }
        List<Column> columns = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            columns.add(column(inputs.get(i), shapes.get(i), raw ? request.getRawInputContents(i) : null, signature,
                    limits));
        }
        return records(columns, signature);
    }

    /** Every input's shape, and their elements together, within the limits. */
    private static List<TensorShape> admit(List<InferInputTensor> inputs, RequestLimits limits) {
        List<TensorShape> shapes = new ArrayList<>(inputs.size());
        long total = 0;
        for (InferInputTensor input : inputs) {
            TensorShape shape = TensorShape.of(input, limits);
            total += shape.elements();
            if (total > limits.maxElements()) {
                throw DomainException.invalid("the request's inputs hold more than " + limits.maxElements()
                        + " elements together: split it");
            }
            shapes.add(shape);
        }
        return shapes;
    }

    private static InferenceInput prepared(InferInputTensor input, TensorShape shape, ByteString raw,
            ModelSignature signature) {
        if (shape.rowWidth() != signature.preparedWidth()) {
            throw DomainException.invalid("input '" + input.getName() + "' has shape " + shape + ", "
                    + shape.rowWidth() + " values per row; this model takes " + signature.preparedWidth()
                    + " (shape [-1, " + joined(signature.preparedShape()) + "]) or raw columns");
        }
        if (!"FP32".equals(input.getDatatype()) && !"FP64".equals(input.getDatatype())) {
            throw DomainException.invalid("input '" + input.getName() + "' has datatype '" + input.getDatatype()
                    + "'; model-ready features are FP32 (or FP64)");
        }
        double[] values = numbers(input, raw, shape);
        float[] features = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw DomainException.invalid("input '" + input.getName() + "' holds " + values[i] + " at element "
                        + i + ": model-ready features must be finite numbers");
            }
            features[i] = (float) values[i];
        }
        return new InferenceInput.Prepared(features, shape.batch(), shape.rowWidth());
    }

    /**
     * One raw column: its name, row count and its values, {@code rawRowsPerExample} per row
     * (row-major: a sequence model's window, oldest first).
     */
    private record Column(String name, int rows, Object[] values) {
    }

    private static Column column(InferInputTensor input, TensorShape shape, ByteString raw, ModelSignature signature,
            RequestLimits limits) {
        ColumnSpec spec = signature.rawColumn(input.getName()).orElseThrow(() -> DomainException.invalid(
                "input '" + input.getName() + "' is not an input of this model: send " + signature.describeInputs()));
        int steps = signature.rawRowsPerExample();
        if (spec.kind() != ColumnKind.IMAGE && shape.rowWidth() != steps) {
            throw DomainException.invalid(wrongWidth(input, shape, spec, signature));
        }
        Object[] values;
        if (spec.kind() == ColumnKind.IMAGE) {
            values = RawColumns.image(input, shape, raw, spec, signature);
        } else if (spec.kind() == ColumnKind.CATEGORICAL) {
            values = RawColumns.text(input, shape, raw, limits);
        } else {
            double[] numbers = numbers(input, raw, shape);
            values = new Object[numbers.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.isNaN(numbers[i]) ? null : numbers[i];
            }
        }
        return new Column(input.getName(), shape.batch(), values);
    }

    /** Why a numeric or categorical column's shape does not fit, and what shape does. */
    private static String wrongWidth(InferInputTensor input, TensorShape shape, ColumnSpec spec,
            ModelSignature signature) {
        boolean categorical = spec.kind() == ColumnKind.CATEGORICAL;
        if (!signature.windowed()) {
            return (categorical ? "categorical column '" : "raw column '") + input.getName() + "' has shape " + shape
                    + (categorical ? "; it takes" : "; a numeric column takes") + " one value per row: [batch] or "
                    + "[batch, 1]";
        }
        int window = signature.window();
        return (categorical ? "categorical" : "numeric") + " column '" + input.getName() + "' has shape " + shape + ", " + shape.rowWidth()
                + " values per example; this model reads windows of " + window + " rows, so it takes [batch, "
                + window + "]: the " + window + " values of each example, oldest first";
    }

    private static InferenceInput records(List<Column> columns, ModelSignature signature) {
        int rows = columns.get(0).rows();
        for (Column column : columns) {
            if (column.rows() != rows) {
                throw DomainException.invalid("input '" + column.name() + "' has " + column.rows() + " rows, input '"
                        + columns.get(0).name() + "' has " + rows + ": every input needs the same batch size");
            }
        }
        if (!signature.windowed()) {
            List<Map<String, Object>> records = new ArrayList<>(rows);
            for (int row = 0; row < rows; row++) {
                records.add(record(columns, row));
            }
            return new InferenceInput.Raw(records);
        }
        int steps = signature.window();
        List<List<Map<String, Object>>> windows = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            List<Map<String, Object>> window = new ArrayList<>(steps);
            for (int step = 0; step < steps; step++) {
                window.add(record(columns, row * steps + step));
            }
            windows.add(window);
        }
        return new InferenceInput.RawWindows(windows);
    }

    /** The record at {@code index} of every column's values. */
    private static Map<String, Object> record(List<Column> columns, int index) {
        Map<String, Object> record = new HashMap<>();
        for (Column column : columns) {
            record.put(column.name(), column.values()[index]);
        }
        return record;
    }

    static double[] numbers(InferInputTensor input, ByteString raw, TensorShape shape) {
        if (!Datatypes.numeric(input.getDatatype())) {
            Datatypes.size(input.getName(), input.getDatatype()); // names an unknown datatype
            throw DomainException.invalid("input '" + input.getName() + "' has datatype " + input.getDatatype()
                    + " where numbers belong: use FP32, FP64, INT32 or INT64");
        }
        if (raw != null) {
            return RawTensors.numbers(input.getName(), input.getDatatype(), raw, shape.elements());
        }
        int count = contentsCount(input);
        shape.requireElements(input.getName(), count);
        return contents(input.getContents(), input.getDatatype(), count);
    }

    private static int contentsCount(InferInputTensor input) {
        InferTensorContents c = input.getContents();
        return switch (input.getDatatype()) {
            case "FP32" -> c.getFp32ContentsCount();
            case "FP64" -> c.getFp64ContentsCount();
            case "INT8", "INT16", "INT32" -> c.getIntContentsCount();
            case "INT64" -> c.getInt64ContentsCount();
            case "UINT8" -> c.getUintContentsCount();
            default -> c.getBoolContentsCount();
        };
    }

    private static double[] contents(InferTensorContents c, String datatype, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (datatype) {
                case "FP32" -> c.getFp32Contents(i);
                case "FP64" -> c.getFp64Contents(i);
                case "INT8", "INT16", "INT32" -> c.getIntContents(i);
                case "INT64" -> c.getInt64Contents(i);
                case "UINT8" -> c.getUintContents(i);
                default -> c.getBoolContents(i) ? 1 : 0;
            };
        }
        return values;
    }

    private static String joined(List<Integer> dims) {
        return String.join(", ", dims.stream().map(String::valueOf).toList());
    }
}
