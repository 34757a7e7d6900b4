package dev.aiaas.cli.prepare;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.ProtoText;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import java.util.stream.Collectors;

/** A prepared dataset as the table output shows it. */
public final class PreparedView {

    private PreparedView() {
    }

    public static String details(PreparedDataset prepared) {
        return new Fields()
                .add("dataset", prepared.getDataset() + " v" + prepared.getDatasetVersion())
                .add("pipeline", prepared.getPipeline().getName())
                .add("steps", prepared.getPipeline().getStepsCount() == 0 ? "chosen from the schema"
                        : prepared.getPipeline().getStepsList().stream().map(s -> ProtoText.jsonLine(ProtoText.tree(s)))
                                .collect(Collectors.joining(" ")))
                .add("splits", prepared.getSplitsList().stream().map(PreparedView::split)
                        .collect(Collectors.joining(" ")))
                .add("features", prepared.getFeatureNamesCount() + " " + abbreviated(String.join(", ",
                        prepared.getFeatureNamesList())))
                .add("input shape", prepared.getInputShapeList())
                .add("classes", prepared.getClassLabelsCount() == 0 ? "-" : String.join(", ", prepared.getClassLabelsList()))
                .add("spec sha256", Cells.text(prepared.getSpecSha256()))
                .add("created", Cells.time(prepared.getCreatedAt()))
                .toString();
    }

    private static String split(SplitSummary split) {
        return split.getName() + "=" + split.getRows();
    }

    private static String abbreviated(String names) {
        return "(" + (names.length() <= 100 ? names : names.substring(0, 100) + "…") + ")";
    }
}
