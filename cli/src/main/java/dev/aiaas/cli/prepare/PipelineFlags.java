package dev.aiaas.cli.prepare;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ProtoEnumConverter;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.preprocess.v1.Anomaly;
import dev.aiaas.proto.preprocess.v1.Interactions;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.Sequence;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code aiaas prepare}'s short forms of what a pipeline spec file says: a sequence (windows
 * for a forecaster), interactions (events of users with items, for a recommender) and the task
 * (anomaly detection with its normal labels). They are laid
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
            completionCandidates = ProtoEnumConverter.TaskKind.class, description = "classification, regression, "
            + "anomaly or recommendation (default: from the label's type: double is regression, any other "
            + "classification; recommendation with --user-column)")
    Task task;

    @Option(names = "--normal", paramLabel = "LABEL", split = ",", description = "anomaly detection: the label "
            + "values of normal rows, e.g. 0 or ok,fine; only they are trained on (implies --task anomaly)")
    List<String> normalLabels;

    @Option(names = "--user-column", paramLabel = "COL", description = "recommendation: the column naming the user "
            + "of each event (a row is one event of a user with an item: a purchase, a play, a flight from an origin to "
            + "a destination); implies --task recommendation")
    String userColumn;

    @Option(names = "--item-column", paramLabel = "COL", description = "with --user-column: the column naming the "
            + "item of each event")
    String itemColumn;

    @Option(names = "--weight-column", paramLabel = "COL", description = "with --user-column: a numeric column; a "
            + "user-item pair weighs the sum of its events' values (default: the number of its events)")
    String weightColumn;

    @Option(names = "--shared-ids", description = "with --user-column: users and items are the same kind of thing "
            + "(airports, people who follow people), so what the model learns of an id as a user it also knows of "
            + "it as an item")
    Boolean sharedIds;

    /** Whether any of the flags was given. */
    boolean given() {
        return Stream.of(timeColumn, window, horizon, stride, groupColumn, target, task, normalLabels, userColumn,
                itemColumn, weightColumn, sharedIds).anyMatch(flag -> flag != null);
    }

    /**
     * Lays the flags over {@code spec}.
     *
     * @throws CommandFailure (usage) for a sequence without its time column or window, normal
     *                        labels with a task other than anomaly, anomaly detection without
     *                        normal labels, a sequence with a task other than regression, or
     *                        interactions without both their columns, with a task other than
     *                        recommendation or with a sequence
     */
    void applyTo(PipelineSpec.Builder spec) {
        if (normalLabels != null && task != null && task != Task.ANOMALY) {
            throw CommandFailure.usage("--normal names the normal labels of anomaly detection: it does not go with "
                    + "--task " + task.name().toLowerCase(Locale.ROOT));
        }
        applySequence(spec);
        applyInteractions(spec);
        if (task != null) {
            spec.setTask(task);
        }
        if (normalLabels != null) {
            spec.setTask(Task.ANOMALY).setAnomaly(Anomaly.newBuilder().addAllNormalLabels(normalLabels));
        }
        if (spec.hasInteractions() && spec.getTask() == Task.TASK_UNSPECIFIED) {
            spec.setTask(Task.RECOMMENDATION);
        }
        checkInteractions(spec);
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

    private void applyInteractions(PipelineSpec.Builder spec) {
        if (Stream.of(userColumn, itemColumn, weightColumn, sharedIds).allMatch(flag -> flag == null)) {
            return;
        }
        Interactions.Builder interactions = spec.getInteractions().toBuilder();
        if (userColumn != null) {
            interactions.setUserColumn(userColumn);
        }
        if (itemColumn != null) {
            interactions.setItemColumn(itemColumn);
        }
        if (weightColumn != null) {
            interactions.setWeightColumn(weightColumn);
        }
        if (sharedIds != null) {
            interactions.setSharedIds(sharedIds);
        }
        spec.setInteractions(interactions);
    }

    private static void checkInteractions(PipelineSpec.Builder spec) {
        if (spec.getTask() == Task.RECOMMENDATION && !spec.hasInteractions()) {
            throw CommandFailure.usage("recommendation learns from events of users with items: name their columns "
                    + "with --user-column COL --item-column COL");
        }
        if (!spec.hasInteractions()) {
            return;
        }
        Interactions interactions = spec.getInteractions();
        if (interactions.getUserColumn().isEmpty()) {
            throw CommandFailure.usage("--item-column, --weight-column and --shared-ids describe interactions: name "
                    + "the column of each event's user with --user-column COL");
        }
        if (interactions.getItemColumn().isEmpty()) {
            throw CommandFailure.usage("interactions need the column of each event's item too: --item-column COL");
        }
        if (interactions.getUserColumn().equals(interactions.getItemColumn())) {
            throw CommandFailure.usage("--user-column and --item-column are both '" + interactions.getUserColumn()
                    + "': users and items come from two columns");
        }
        if (spec.getTask() != Task.RECOMMENDATION) {
            throw CommandFailure.usage("interactions are prepared for recommendation: they do not go with --task "
                    + spec.getTask().name().toLowerCase(Locale.ROOT)
                    + (spec.getTask() == Task.ANOMALY ? " or --normal" : ""));
        }
        if (spec.hasSequence()) {
            throw CommandFailure.usage("interactions are events of users with items, not windows of a series: "
                    + "--user-column does not go with --time-column, --window and the other sequence flags");
        }
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
