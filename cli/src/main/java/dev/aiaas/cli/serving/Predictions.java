package dev.aiaas.cli.serving;

import dev.aiaas.cli.demo.RawOutputs;
import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelInferResponse.InferOutputTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a model answered, row by row: a regression model's predicted value, or a classifier's
 * predicted label and each class's probability. Read
 * from the classification extension's {@code probabilities} ({@code "probability:index:label"},
 * most probable first) or, when the request asked for plain FP32 probabilities, by class index.
 */
final class Predictions {

    static final String PROBABILITIES = "probabilities";
    static final String PREDICTED_LABEL = "predicted_label";
    /** A regression model's one output: the predicted value of each row. */
    static final String PREDICTIONS = "predictions";

    /** One class of one row. */
    record ClassProbability(String label, double probability) {
    }

    /** One row's answer, classes most probable first. */
    record Prediction(String predicted, List<ClassProbability> classes) {
    }

    private Predictions() {
    }

    static List<Prediction> read(ModelInferResponse response) {
        if (RawOutputs.has(response, PREDICTIONS)) {
            float[] values = RawOutputs.floats(response, PREDICTIONS);
            List<Prediction> predictions = new ArrayList<>(values.length);
            for (float value : values) {
                predictions.add(new Prediction(Cells.figure(value), List.of()));
            }
            return predictions;
        }
        List<String> labels = RawOutputs.has(response, PREDICTED_LABEL) ? RawOutputs.texts(response, PREDICTED_LABEL)
                : List.of();
        List<List<ClassProbability>> classes = RawOutputs.has(response, PROBABILITIES) ? probabilities(response)
                : List.of();
        int rows = Math.max(labels.size(), classes.size());
        List<Prediction> predictions = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<ClassProbability> row = r < classes.size() ? classes.get(r) : List.of();
            String predicted = r < labels.size() ? labels.get(r) : row.isEmpty() ? "-" : row.get(0).label();
            predictions.add(new Prediction(predicted, row));
        }
        return predictions;
    }

    /** {@code "0.9712:0:Adelie"} as Adelie with 0.9712; a label may itself hold colons. */
    static ClassProbability parse(String entry) {
        String[] parts = entry.split(":", 3);
        if (parts.length < 3) {
            throw new IllegalStateException("the model answered '" + entry + "' where the classification extension "
                    + "gives probability:index:label");
        }
        return new ClassProbability(parts[2], Double.parseDouble(parts[0]));
    }

    static String table(List<Prediction> predictions) {
        if (predictions.stream().allMatch(p -> p.classes().isEmpty())) {
            TextTable values = TextTable.of("ROW", "PREDICTED");
            for (int r = 0; r < predictions.size(); r++) {
                values.row(r + 1, predictions.get(r).predicted());
            }
            return values.toString();
        }
        TextTable table = TextTable.of("ROW", "PREDICTED", "PROBABILITIES");
        for (int r = 0; r < predictions.size(); r++) {
            Prediction p = predictions.get(r);
            table.row(r + 1, p.predicted(), p.classes().stream().map(c -> c.label() + "=" + Cells.figure(c.probability()))
                    .collect(Collectors.joining(" ")));
        }
        return table.toString();
    }

    private static List<List<ClassProbability>> probabilities(ModelInferResponse response) {
        InferOutputTensor output = response.getOutputsList().stream().filter(o -> o.getName().equals(PROBABILITIES))
                .findFirst().orElseThrow();
        int perRow = output.getShapeCount() > 1 ? (int) output.getShape(1) : 1;
        List<List<ClassProbability>> rows = new ArrayList<>();
        if (output.getDatatype().equals("BYTES")) {
            List<String> entries = RawOutputs.texts(response, PROBABILITIES);
            for (int start = 0; start + perRow <= entries.size(); start += perRow) {
                rows.add(entries.subList(start, start + perRow).stream().map(Predictions::parse).toList());
            }
            return rows;
        }
        float[] values = RawOutputs.floats(response, PROBABILITIES);
        for (int start = 0; start + perRow <= values.length; start += perRow) {
            List<ClassProbability> row = new ArrayList<>(perRow);
            for (int c = 0; c < perRow; c++) {
                row.add(new ClassProbability("class " + c, values[start + c]));
            }
            row.sort((a, b) -> Double.compare(b.probability(), a.probability()));
            rows.add(row);
        }
        return rows;
    }
}
