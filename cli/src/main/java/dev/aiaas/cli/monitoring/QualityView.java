package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.monitoring.v1.LabelCount;
import dev.aiaas.proto.monitoring.v1.ModelQuality;
import dev.aiaas.proto.monitoring.v1.QualityTask;
import dev.aiaas.proto.monitoring.v1.QualityWindow;
import dev.aiaas.proto.monitoring.v1.ValueSummary;
import dev.aiaas.proto.monitoring.v1.VersionQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link ModelQuality} as tables: each version's totals with its distributions, then a row per
 * window and version. Only the figures of the tasks present get columns: accuracy and macro F1
 * for classifiers, MSE and MAE for models that predict values.
 */
final class QualityView {

    /** Labels of a distribution shown; the rest are counted. */
    static final int LABELS_SHOWN = 5;

    private QualityView() {
    }

    static String table(ModelQuality q) {
        String head = new Fields().add("endpoint", q.getEndpoint())
                .add("range", Cells.time(q.getStartTime()) + " to " + Cells.time(q.getEndTime())).toString();
        if (q.getTotalsCount() == 0) {
            return head + "no prediction in this range has ground truth yet: record it with aiaas feedback "
                    + q.getEndpoint() + " (the request id each answer carried, and what it should have been)";
        }
        List<VersionQuality> all = Stream.concat(q.getTotalsList().stream(),
                q.getWindowsList().stream().flatMap(w -> w.getVersionsList().stream())).toList();
        boolean classes = all.stream().anyMatch(v -> v.getTask() == QualityTask.CLASSIFICATION);
        boolean numbers = all.stream().anyMatch(v -> v.getTask() == QualityTask.NUMBERS);

        TextTable totals = TextTable.of(header(classes, numbers, "VERSION", "TASK", "REQUESTS", "ROWS", "MISMATCHED"));
        for (VersionQuality v : q.getTotalsList()) {
            totals.row(cells(v, classes, numbers, version(v), task(v), v.getRequestCount(), v.getRowCount(),
                    v.getMismatchedCount()));
        }
        StringBuilder text = new StringBuilder(head).append('\n').append(totals);
        for (VersionQuality v : q.getTotalsList()) {
            text.append(distributions(v));
        }
        TextTable windows = TextTable.of(header(classes, numbers, "WINDOW", "VERSION", "REQUESTS", "ROWS"));
        for (QualityWindow w : q.getWindowsList()) {
            for (VersionQuality v : w.getVersionsList()) {
                windows.row(cells(v, classes, numbers, Cells.time(w.getStart()), version(v), v.getRequestCount(),
                        v.getRowCount()));
            }
        }
        return windows.isEmpty() ? text.toString() : text.append('\n').append(windows).toString();
    }

    private static String[] header(boolean classes, boolean numbers, String... first) {
        List<String> columns = new ArrayList<>(List.of(first));
        if (classes) {
            columns.addAll(List.of("ACCURACY", "MACRO F1"));
        }
        if (numbers) {
            columns.addAll(List.of("MSE", "MAE"));
        }
        return columns.toArray(String[]::new);
    }

    private static Object[] cells(VersionQuality v, boolean classes, boolean numbers, Object... first) {
        List<Object> cells = new ArrayList<>(List.of(first));
        boolean isClasses = v.getTask() == QualityTask.CLASSIFICATION;
        boolean isNumbers = v.getTask() == QualityTask.NUMBERS;
        if (classes) {
            cells.add(isClasses ? Cells.figure(v.getAccuracy()) : "-");
            cells.add(isClasses ? Cells.figure(v.getMacroF1()) : "-");
        }
        if (numbers) {
            cells.add(isNumbers ? Cells.figure(v.getMse()) : "-");
            cells.add(isNumbers ? Cells.figure(v.getMae()) : "-");
        }
        return cells.toArray();
    }

    private static String distributions(VersionQuality v) {
        Fields fields = new Fields();
        if (v.getTask() == QualityTask.CLASSIFICATION) {
            fields.add(version(v) + " true labels", labels(v.getLabelDistributionList()))
                    .add(version(v) + " predicted", labels(v.getPredictionDistributionList()));
        } else if (v.getTask() == QualityTask.NUMBERS) {
            fields.add(version(v) + " true values", values(v.getLabelValues()))
                    .add(version(v) + " predicted", values(v.getPredictedValues()));
        } else {
            return "";
        }
        return "\n" + fields;
    }

    private static String labels(List<LabelCount> counts) {
        if (counts.isEmpty()) {
            return "-";
        }
        String shown = counts.stream().limit(LABELS_SHOWN).map(c -> c.getLabel() + " " + c.getCount())
                .collect(Collectors.joining(", "));
        int rest = counts.size() - LABELS_SHOWN;
        return rest > 0 ? shown + " (and " + rest + " more)" : shown;
    }

    private static String values(ValueSummary s) {
        return s.getCount() == 0 ? "-" : "mean " + Cells.figure(s.getMean()) + " over " + s.getCount();
    }

    private static String version(VersionQuality v) {
        return v.getModelName() + ":" + v.getModelVersion();
    }

    private static String task(VersionQuality v) {
        return switch (v.getTask()) {
            case CLASSIFICATION -> "classification";
            case NUMBERS -> "values";
            default -> "-";
        };
    }
}
