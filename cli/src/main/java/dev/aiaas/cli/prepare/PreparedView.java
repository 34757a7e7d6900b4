package dev.aiaas.cli.prepare;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.ProtoText;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.preprocess.v1.Interactions;
import dev.aiaas.proto.preprocess.v1.InteractionsInfo;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.SequenceInfo;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import java.util.Locale;
import java.util.stream.Collectors;

/** A prepared dataset as the table output shows it. */
public final class PreparedView {

    private PreparedView() {
    }

    public static String details(PreparedDataset prepared) {
        return new Fields()
                .add("dataset", prepared.getDataset() + " v" + prepared.getDatasetVersion())
                .add("pipeline", prepared.getPipeline().getName())
                .add("task", task(prepared))
                .add("steps", prepared.hasInteractions() ? "- (interactions use the ids as they are)"
                        : prepared.getPipeline().getStepsCount() == 0 ? "chosen from the schema"
                        : prepared.getPipeline().getStepsList().stream().map(s -> ProtoText.jsonLine(ProtoText.tree(s)))
                                .collect(Collectors.joining(" ")))
                .add("splits", prepared.getSplitsList().stream().map(PreparedView::split)
                        .collect(Collectors.joining(" ")))
                .add("features", prepared.getFeatureNamesCount() + " " + abbreviated(String.join(", ",
                        prepared.getFeatureNamesList())))
                .add("input shape", prepared.getInputShapeList() + (prepared.hasSequence() ? " (window × features "
                        + "of one step)" : ""))
                .add("sequence", sequence(prepared))
                .add("interactions", interactions(prepared))
                .add("classes", prepared.getClassLabelsCount() == 0 ? "-" : String.join(", ", prepared.getClassLabelsList()))
                .add("spec sha256", Cells.text(prepared.getSpecSha256()))
                .add("created", Cells.time(prepared.getCreatedAt()))
                .toString();
    }

    /** The task the label was prepared for; a dataset prepared before tasks is classification. */
    static String task(PreparedDataset prepared) {
        Task task = prepared.getTask() == Task.TASK_UNSPECIFIED ? Task.CLASSIFICATION : prepared.getTask();
        String name = task.name().toLowerCase(Locale.ROOT);
        if (task == Task.ANOMALY) {
            return name + " (normal: " + String.join(", ", prepared.getPipeline().getAnomaly().getNormalLabelsList())
                    + ")";
        }
        return prepared.hasSequence() ? name + " (forecast)" : name;
    }

    /** A sequence's window and what it forecasts, or "-" for single rows. */
    static String sequence(PreparedDataset prepared) {
        if (!prepared.hasSequence()) {
            return "-";
        }
        SequenceInfo sequence = prepared.getSequence();
        return "window " + sequence.getWindow() + " rows, horizon " + sequence.getHorizon() + " (the next "
                + sequence.getHorizon() + " value" + (sequence.getHorizon() == 1 ? "" : "s") + " of "
                + sequence.getTarget() + "), ordered by " + sequence.getTimeColumn();
    }

    /**
     * Interactions' columns and how many users and items the splits number, or "-" for other
     * data: {@code origin -> destination, 220 users, 223 items, shared ids, weight: events}.
     */
    static String interactions(PreparedDataset prepared) {
        if (!prepared.hasInteractions()) {
            return "-";
        }
        InteractionsInfo info = prepared.getInteractions();
        Interactions columns = prepared.getPipeline().getInteractions();
        return columns.getUserColumn() + " -> " + columns.getItemColumn() + ", " + info.getUsers() + " users, "
                + info.getItems() + " items" + (info.getSharedIds() ? ", shared ids" : "") + ", weight: "
                + (columns.getWeightColumn().isEmpty() ? "events" : "sum of " + columns.getWeightColumn());
    }

    private static String split(SplitSummary split) {
        return split.getName() + "=" + split.getRows();
    }

    private static String abbreviated(String names) {
        return "(" + (names.length() <= 100 ? names : names.substring(0, 100) + "…") + ")";
    }
}
