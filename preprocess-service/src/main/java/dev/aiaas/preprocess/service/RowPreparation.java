package dev.aiaas.preprocess.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.split.SplitIndices;
import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.LabelKeys;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.Step;
import dev.aiaas.preprocess.model.PreparationRequest;
import dev.aiaas.preprocess.model.PreparedOutput;
import dev.aiaas.preprocess.model.PreparedOutput.SplitOutput;
import dev.aiaas.preprocess.storage.PreparedWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Prepares single rows: split at random (stratified by class, or by deciles of a regression
 * target), fit the steps on the training split only, and write every split's features and
 * labels. For anomaly detection the training split keeps only the normal rows, so neither the
 * transform nor the model ever learns from an anomaly; validation and test keep every row.
 */
@ApplicationScoped
class RowPreparation {

    @Inject
    PreparedWriter writer;

    PreparedOutput prepare(PreparationRequest request, Table table, LabelTask task, String prefix) {
        if (table.label().isEmpty()) {
            throw DomainException.failedPrecondition("dataset " + request.dataset()
                    + " has no label column: supervised preparation needs one");
        }
        SplitIndices indices;
        FittedPipeline fitted;
        Table train;
        try {
            if (task == LabelTask.REGRESSION && table.label().orElseThrow().kind() != ColumnKind.NUMERIC) {
                throw new IllegalArgumentException("regression needs a numeric label, but "
                        + table.labelName().orElseThrow() + " is " + table.label().orElseThrow().kind()
                        + ": leave the task unspecified to learn its classes");
            }
            indices = task == LabelTask.REGRESSION ? request.split().splitByTarget(table) : request.split().split(table);
            train = table.select(indices.train());
            if (task == LabelTask.ANOMALY) {
                train = normalRows(train, request.spec().getAnomaly().getNormalLabelsList());
            }
            List<Step> steps = request.steps().isEmpty() ? DefaultSteps.forTable(table) : request.steps();
            fitted = new Pipeline(steps, task).fit(train);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cannot prepare " + request.dataset() + ": " + e.getMessage());
        }
        List<SplitOutput> splits = List.of(split("train", train, fitted, prefix),
                split("validation", table.select(indices.validation()), fitted, prefix),
                split("test", table.select(indices.test()), fitted, prefix));
        List<Integer> shape = Arrays.stream(fitted.inputShape()).boxed().toList();
        return new PreparedOutput(request, PreparedOutput.Features.of(fitted), task, shape, null, null, splits,
                writer.writeTransform(prefix, fitted), writer.writeProfile(prefix, train));
    }

    /** The rows of {@code train} whose label is one of {@code normal}. */
    private static Table normalRows(Table train, List<String> normal) {
        Set<String> normalKeys = new HashSet<>(normal);
        String[] keys = LabelKeys.of(train.label().orElseThrow());
        int[] rows = IntStream.range(0, keys.length).filter(row -> normalKeys.contains(keys[row])).toArray();
        if (rows.length == 0) {
            throw new IllegalArgumentException("no row of the training split has a normal label " + normal
                    + "; the label column '" + train.labelName().orElseThrow() + "' holds "
                    + Arrays.stream(keys).filter(Objects::nonNull).distinct().sorted().limit(20).toList());
        }
        return train.select(rows);
    }

    private SplitOutput split(String name, Table rows, FittedPipeline fitted, String prefix) {
        var matrix = fitted.apply(rows);
        return new SplitOutput(name, matrix.rowCount(), writer.writeSplit(prefix + name + ".npz", matrix));
    }
}
