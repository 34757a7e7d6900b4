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
 * What a model answered, example by example: a regression model's predicted values (a
 * forecaster's next H), a classifier's predicted label and each class's probability, or an
 * anomaly detector's score and verdict. Class probabilities are read from the classification
 * extension's {@code probabilities} ({@code "probability:index:label"}, most probable first) or,
 * when the request asked for plain FP32 probabilities, by class index. An example is one row,
 * or W rows of a windowed model (labelled {@code 1-14}, {@code 15-28}, …).
 */
final class Predictions {

    static final String PROBABILITIES = "probabilities";
    static final String PREDICTED_LABEL = "predicted_label";
    /** A regression model's one output: the predicted values of each example, FP32 [batch, H]. */
    static final String PREDICTIONS = "predictions";
    /** An anomaly detector's score of each example, FP32 [batch]: higher is more anomalous. */
    static final String ANOMALY_SCORE = "anomaly_score";
    /** An anomaly detector's verdict on each example, BOOL [batch]: the score is above its threshold. */
    static final String IS_ANOMALY = "is_anomaly";

    /** One class of one row. */
    record ClassProbability(String label, double probability) {
    }

    /** One row's answer, classes most probable first. */
    record Prediction(String predicted, List<ClassProbability> classes) {
    }

    /** An anomaly detector's answer for one example; {@code anomalous} is null when it was not asked for. */
    record AnomalyVerdict(double score, Boolean anomalous) {
    }

    private Predictions() {
    }

    static List<Prediction> read(ModelInferResponse response) {
        if (RawOutputs.has(response, PREDICTIONS)) {
            float[] values = RawOutputs.floats(response, PREDICTIONS);
            int perExample = perRow(response, PREDICTIONS);
            List<Prediction> predictions = new ArrayList<>(values.length / perExample);
            for (int start = 0; start + perExample <= values.length; start += perExample) {
                StringBuilder figures = new StringBuilder();
                for (int h = start; h < start + perExample; h++) {
                    figures.append(h == start ? "" : " ").append(Cells.figure(values[h]));
                }
                predictions.add(new Prediction(figures.toString(), List.of()));
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

    /** Whether the response is an anomaly detector's. */
    static boolean anomalyDetector(ModelInferResponse response) {
        return RawOutputs.has(response, ANOMALY_SCORE) || RawOutputs.has(response, IS_ANOMALY);
    }

    /** An anomaly detector's score and verdict per example. */
    static List<AnomalyVerdict> anomalies(ModelInferResponse response) {
        float[] scores = RawOutputs.has(response, ANOMALY_SCORE) ? RawOutputs.floats(response, ANOMALY_SCORE) : null;
        boolean[] flags = RawOutputs.has(response, IS_ANOMALY) ? RawOutputs.bools(response, IS_ANOMALY) : null;
        int examples = scores != null ? scores.length : flags.length;
        List<AnomalyVerdict> verdicts = new ArrayList<>(examples);
        for (int e = 0; e < examples; e++) {
            verdicts.add(new AnomalyVerdict(scores == null ? Double.NaN : scores[e], flags == null ? null : flags[e]));
        }
        return verdicts;
    }

    /** The answer as a table, an example per line; {@code rowsPerExample} is W for a windowed model, else 1. */
    static String table(ModelInferResponse response, int rowsPerExample) {
        if (anomalyDetector(response)) {
            TextTable table = TextTable.of("ROW", "SCORE", "ANOMALY");
            List<AnomalyVerdict> verdicts = anomalies(response);
            for (int e = 0; e < verdicts.size(); e++) {
                AnomalyVerdict verdict = verdicts.get(e);
                table.row(rows(e, rowsPerExample), Double.isNaN(verdict.score()) ? "-" : Cells.figure(verdict.score()),
                        verdict.anomalous() == null ? "-" : verdict.anomalous() ? "yes" : "no");
            }
            return table.toString();
        }
        return table(read(response), rowsPerExample);
    }

    static String table(List<Prediction> predictions) {
        return table(predictions, 1);
    }

    static String table(List<Prediction> predictions, int rowsPerExample) {
        if (predictions.stream().allMatch(p -> p.classes().isEmpty())) {
            TextTable values = TextTable.of("ROW", "PREDICTED");
            for (int r = 0; r < predictions.size(); r++) {
                values.row(rows(r, rowsPerExample), predictions.get(r).predicted());
            }
            return values.toString();
        }
        TextTable table = TextTable.of("ROW", "PREDICTED", "PROBABILITIES");
        for (int r = 0; r < predictions.size(); r++) {
            Prediction p = predictions.get(r);
            table.row(rows(r, rowsPerExample), p.predicted(), p.classes().stream()
                    .map(c -> c.label() + "=" + Cells.figure(c.probability())).collect(Collectors.joining(" ")));
        }
        return table.toString();
    }

    /** The file rows of example {@code index}: {@code 3}, or {@code 15-28} for windows of 14. */
    private static String rows(int index, int rowsPerExample) {
        return rowsPerExample == 1 ? Integer.toString(index + 1)
                : (index * rowsPerExample + 1) + "-" + ((index + 1) * rowsPerExample);
    }

    /** Values per example of an output shaped [batch, n] (1 for [batch]). */
    private static int perRow(ModelInferResponse response, String name) {
        InferOutputTensor output = response.getOutputsList().stream().filter(o -> o.getName().equals(name))
                .findFirst().orElseThrow();
        return output.getShapeCount() > 1 ? Math.max(1, (int) output.getShape(1)) : 1;
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
