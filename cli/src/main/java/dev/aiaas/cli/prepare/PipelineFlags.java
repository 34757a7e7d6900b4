package dev.aiaas.cli.prepare;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ProtoEnumConverter;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.preprocess.v1.Anomaly;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.Sequence;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code aiaas prepare}'s short forms of what a pipeline spec file says: a sequence (windows
 * for a forecaster) and the task (anomaly detection with its normal labels). They are laid
 * over the {@code --steps} file, so a flag wins over the file's field; what the two make
 * together is checked before anything is sent.
 */
public final class PipelineFlags {

    @Option(names = "--time-column", paramLabel = "COL", description = "prepare windows for a sequence model (LSTM, "
            + "GRU): the column that orders the rows (ISO-8601 dates or date-times, or seconds since the epoch)")
    String timeColumn;

    @Option(names = "--window", paramLabel = "N", description = "with --time-column: past rows per example")
    Integer window;

    @Option(names = "--horizon", paramLabel = "N", description = "with --time-column: future target values per "
            + "example (default: 1)")
    Integer horizon;

    @Option(names = "--stride", paramLabel = "N", description = "with --time-column: rows between consecutive "
            + "windows (default: 1)")
    Integer stride;

    @Option(names = "--group-column", paramLabel = "COL", description = "with --time-column: one series per value "
            + "(e.g. a sensor id); windows never cross series")
    String groupColumn;

    @Option(names = "--target", paramLabel = "COL", description = "with --time-column: the numeric column to "
            + "forecast (default: the label column)")
    String target;

    @Option(names = "--task", paramLabel = "TASK", converter = ProtoEnumConverter.TaskKind.class,
            completionCandidates = ProtoEnumConverter.TaskKind.class, description = "classification, regression or "
            + "anomaly (default: from the label's type: double is regression, any other classification)")
    Task task;

    @Option(names = "--normal", paramLabel = "LABEL", split = ",", description = "anomaly detection: the label "
            + "values of normal rows, e.g. 0 or ok,fine; only they are trained on (implies --task anomaly)")
    List<String> normalLabels;

    /** Whether any of the flags was given. */
    boolean given() {
        return Stream.of(timeColumn, window, horizon, stride, groupColumn, target, task, normalLabels)
                .anyMatch(flag -> flag != null);
    }

    /**
     * Lays the flags over {@code spec}.
     *
     * @throws CommandFailure (usage) for a sequence without its time column or window, normal
     *                        labels with a task other than anomaly, anomaly detection without
     *                        normal labels, or a sequence with a task other than regression
     */
    void applyTo(PipelineSpec.Builder spec) {
        if (normalLabels != null && task != null && task != Task.ANOMALY) {
            throw CommandFailure.usage("--normal names the normal labels of anomaly detection: it does not go with "
                    + "--task " + task.name().toLowerCase(Locale.ROOT));
        }
        applySequence(spec);
        if (task != null) {
            spec.setTask(task);
        }
        if (normalLabels != null) {
            spec.setTask(Task.ANOMALY).setAnomaly(Anomaly.newBuilder().addAllNormalLabels(normalLabels));
        }
        check(spec);
    }

    private void applySequence(PipelineSpec.Builder spec) {
        if (Stream.of(timeColumn, window, horizon, stride, groupColumn, target).allMatch(flag -> flag == null)) {
            return;
        }
        Sequence.Builder sequence = spec.getSequence().toBuilder();
        if (timeColumn != null) {
            sequence.setTimeColumn(timeColumn);
        }
        if (window != null) {
            sequence.setWindow(positive("--window", window));
        }
        if (horizon != null) {
            sequence.setHorizon(positive("--horizon", horizon));
        }
        if (stride != null) {
            sequence.setStride(positive("--stride", stride));
        }
        if (groupColumn != null) {
            sequence.setGroupColumn(groupColumn);
        }
        if (target != null) {
            sequence.setTarget(target);
        }
        spec.setSequence(sequence);
    }

    private static void check(PipelineSpec.Builder spec) {
        if (spec.hasSequence()) {
            if (spec.getSequence().getTimeColumn().isEmpty()) {
                throw CommandFailure.usage("--window, --horizon, --stride, --group-column and --target describe a "
                        + "sequence: name the column that orders its rows with --time-column COL");
            }
            if (spec.getSequence().getWindow() <= 0) {
                throw CommandFailure.usage("a sequence needs --window N: the past rows each example holds");
            }
            if (spec.getTask() != Task.TASK_UNSPECIFIED && spec.getTask() != Task.REGRESSION) {
                throw CommandFailure.usage("a sequence forecasts numbers (its task is regression), so it does not go "
                        + "with --task " + spec.getTask().name().toLowerCase(Locale.ROOT)
                        + (spec.getTask() == Task.ANOMALY ? " or --normal" : ""));
            }
        }
        if (spec.getTask() == Task.ANOMALY && spec.getAnomaly().getNormalLabelsCount() == 0) {
            throw CommandFailure.usage("anomaly detection trains on normal rows only: name their labels with "
                    + "--normal LABEL[,LABEL…]");
        }
    }

    private static int positive(String flag, int value) {
        if (value < 1) {
            throw CommandFailure.usage(flag + " must be 1 or more, not " + value);
        }
        return value;
    }
}
