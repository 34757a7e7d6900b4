package dev.aiaas.cli.models;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.common.v1.TensorSpec;
import dev.aiaas.proto.registry.v1.Alias;
import dev.aiaas.proto.registry.v1.AliasChange;
import dev.aiaas.proto.registry.v1.Lineage;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegisteredModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Models, versions and aliases as the table output shows them. */
final class ModelView {

    private ModelView() {
    }

    static String list(List<RegisteredModel> models) {
        TextTable table = TextTable.of("NAME", "LATEST", "ALIASES", "CREATED");
        for (RegisteredModel m : models) {
            table.row(m.getName(), m.getLatestVersion() == 0 ? "-" : "v" + m.getLatestVersion(), aliases(m.getAliasesMap()),
                    Cells.time(m.getCreatedAt()));
        }
        return table.toString();
    }

    static String details(RegisteredModel model, List<ModelVersion> versions) {
        String head = new Fields()
                .add("model", model.getName())
                .add("description", Cells.text(model.getDescription()))
                .add("aliases", aliases(model.getAliasesMap()))
                .add("latest version", model.getLatestVersion() == 0 ? "-" : "v" + model.getLatestVersion())
                .add("created", Cells.time(model.getCreatedAt()))
                .toString();
        return head + "\n" + (versions.isEmpty() ? "no versions\n" : versions(versions));
    }

    /** Versions as {@code models show} lists them: one row each. */
    static String versions(List<ModelVersion> versions) {
        TextTable table = TextTable.of("VERSION", "FAMILY", "ALIASES", "TRAINED ON", "JOB", "CREATED", "METRICS");
        for (ModelVersion v : versions) {
            table.row("v" + v.getVersion(), v.getFamily(), v.getAliasesCount() == 0 ? "-" : String.join(",", v.getAliasesList()),
                    lineage(v.getLineage()), Cells.text(v.getLineage().getTrainingJobId()), Cells.time(v.getCreatedAt()),
                    Cells.figures(v.getMetricsMap()));
        }
        return table.toString();
    }

    /**
     * A version just uploaded: what it is, its row as {@code models show} lists versions, and the
     * signature it is served by.
     */
    static String uploaded(ModelVersion version) {
        Fields head = new Fields().add("model", version.getModelName())
                .add("description", Cells.text(version.getDescription()))
                .add("tags", tags(version.getTagsMap()))
                .add("task", version.getSignature().getTask() == Task.TASK_UNSPECIFIED ? "-"
                        : version.getSignature().getTask().name().toLowerCase(Locale.ROOT));
        for (ArtifactRef file : version.getArtifactsList()) {
            head.add("file (" + file.getRole() + ")", file.getSizeBytes() + " bytes, sha256 " + file.getSha256());
        }
        TextTable signature = TextTable.of("TENSOR", "NAME", "DATATYPE", "SHAPE");
        version.getSignature().getInputsList()
                .forEach(t -> signature.row("input", t.getName(), t.getDatatype(), shape(t)));
        version.getSignature().getOutputsList()
                .forEach(t -> signature.row("output", t.getName(), t.getDatatype(), shape(t)));
        return head + "\n" + versions(List.of(version)) + "\n" + signature;
    }

    static String alias(Alias alias) {
        return alias.getModelName() + "@" + alias.getAlias() + " -> v" + alias.getVersion()
                + (alias.getPreviousVersion() == 0 ? " (new)" : " (was v" + alias.getPreviousVersion() + ")");
    }

    static String history(List<AliasChange> changes) {
        TextTable table = TextTable.of("ALIAS", "VERSION", "PREVIOUS", "CHANGED", "BY");
        for (AliasChange c : changes) {
            table.row(c.getAlias(), c.getVersion() == 0 ? "deleted" : "v" + c.getVersion(),
                    c.getPreviousVersion() == 0 ? "-" : "v" + c.getPreviousVersion(), Cells.time(c.getChangedAt()),
                    Cells.text(c.getMovedBy()));
        }
        return changes.isEmpty() ? "no alias changes\n" : table.toString();
    }

    private static String tags(Map<String, String> tags) {
        return tags.isEmpty() ? "-" : new TreeMap<>(tags).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String shape(TensorSpec tensor) {
        return tensor.getShapeList().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String lineage(Lineage lineage) {
        return lineage.getDataset().isEmpty() ? "-"
                : lineage.getDataset() + " v" + lineage.getDatasetVersion() + " (" + lineage.getPipeline() + ")";
    }

    private static String aliases(Map<String, Long> aliases) {
        return aliases.isEmpty() ? "-" : new TreeMap<>(aliases).entrySet().stream()
                .map(e -> e.getKey() + "=v" + e.getValue()).collect(Collectors.joining(" "));
    }
}
