package dev.aiaas.preprocess.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.sequence.TimeValues;
import dev.aiaas.ml.sequence.WindowSpec;
import dev.aiaas.ml.sequence.Windows;
import dev.aiaas.ml.split.SplitIndices;
import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.LabelKeys;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.CyclicalTime;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedStandardize;
import dev.aiaas.ml.transform.Impute;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.ml.transform.OneHot;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.Standardize;
import dev.aiaas.ml.transform.Step;
import dev.aiaas.ml.transform.TimePeriod;
import dev.aiaas.preprocess.model.PreparationRequest;
import dev.aiaas.preprocess.model.PreparedOutput;
import dev.aiaas.preprocess.model.PreparedOutput.SplitOutput;
import dev.aiaas.preprocess.storage.PreparedWriter;
import dev.aiaas.proto.preprocess.v1.Sequence;
import dev.aiaas.proto.preprocess.v1.SequenceInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares windows for a sequence model. Rows are split by time, so every test window lies
 * after every training window; the steps are fitted on the training rows only; then each split's
 * transformed rows are cut into windows of {@code window} rows (inputs) and the {@code horizon}
 * target values that follow (outputs), never across a split or a series. The target stays a
 * feature: its past is the forecaster's best input. The time column is a feature only when a
 * {@link CyclicalTime} step encodes it, and the group column never is.
 */
@ApplicationScoped
class SequencePreparation {

    private static final String[] SPLITS = {"train", "validation", "test"};

    @Inject
    PreparedWriter writer;

    PreparedOutput prepare(PreparationRequest request, Table table, String prefix) {
        WindowSpec spec;
        Table features;
        double[] times;
        SplitIndices indices;
        FittedPipeline fitted;
        try {
            spec = windowSpec(request.spec().getSequence(), table);
            times = TimeValues.epochSeconds(table.column(spec.timeColumn()));
            indices = request.chronological().split(times);
            List<Step> steps = request.steps().isEmpty() ? defaultSteps(table, spec) : request.steps();
            features = featureTable(table, spec, steps);
            fitted = new Pipeline(steps, LabelTask.REGRESSION).fit(features.select(indices.train()))
                    .withWindow(spec);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cannot prepare " + request.dataset() + " as a sequence: " + e.getMessage());
        }
        double[] target = table.numeric(spec.target()).values();
        String[] groups = spec.groupColumn() == null ? null : LabelKeys.of(table.column(spec.groupColumn()));
        int[][] rowsOf = {indices.train(), indices.validation(), indices.test()};
        List<SplitOutput> splits = new ArrayList<>();
        for (int i = 0; i < SPLITS.length; i++) {
            Windows windows = cut(fitted, features, target, times, groups, rowsOf[i], spec, SPLITS[i]);
            splits.add(new SplitOutput(SPLITS[i], windows.count(),
                    writer.writeWindows(prefix + SPLITS[i] + ".npz", windows)));
        }
        List<Integer> shape = List.of(spec.window(), fitted.featureNames().size());
        return new PreparedOutput(request, PreparedOutput.Features.of(fitted), LabelTask.REGRESSION, shape,
                info(spec, fitted), null, splits, writer.writeTransform(prefix, fitted),
                writer.writeProfile(prefix, table.select(indices.train())));
    }

    private static WindowSpec windowSpec(Sequence sequence, Table table) {
        String target = sequence.getTarget().isEmpty()
                ? table.labelName().orElseThrow(() -> new IllegalArgumentException(
                        "the dataset has no label column: name the column to forecast in sequence.target"))
                : sequence.getTarget();
        if (table.column(target).kind() != ColumnKind.NUMERIC) {
            throw new IllegalArgumentException("the target '" + target + "' is " + table.column(target).kind()
                    + "; a forecast needs a numeric column");
        }
        String group = sequence.getGroupColumn().isEmpty() ? null : sequence.getGroupColumn();
        if (group != null) {
            table.column(group);
        }
        table.column(sequence.getTimeColumn());
        return new WindowSpec(sequence.getTimeColumn(), group, target, sequence.getWindow(), sequence.getHorizon(),
                sequence.getStride());
    }

    /** The day of the year for a time written as text, then gaps filled, numbers scaled, categories one-hot. */
    private static List<Step> defaultSteps(Table table, WindowSpec spec) {
        List<Step> steps = new ArrayList<>();
        if (table.column(spec.timeColumn()).kind() == ColumnKind.CATEGORICAL) {
            steps.add(new CyclicalTime(spec.timeColumn(), List.of(TimePeriod.YEAR)));
        }
        boolean numeric = false;
        boolean categorical = false;
        for (Column column : table.columns()) {
            if (!column.name().equals(spec.timeColumn()) && !column.name().equals(spec.groupColumn())) {
                numeric |= column.kind() == ColumnKind.NUMERIC;
                categorical |= column.kind() == ColumnKind.CATEGORICAL;
            }
        }
        if (numeric) {
            steps.add(new Impute(Impute.Strategy.MEDIAN));
            steps.add(new Standardize());
        }
        if (categorical) {
            steps.add(new OneHot());
        }
        return steps;
    }

    /** Every column as an unlabelled feature, but the group column, and the time column unless a step encodes it. */
    private static Table featureTable(Table table, WindowSpec spec, List<Step> steps) {
        boolean timeEncoded = steps.stream().anyMatch(step -> step instanceof CyclicalTime cyclical
                && cyclical.column().equals(spec.timeColumn()));
        List<Column> columns = table.columns().stream()
                .filter(column -> !column.name().equals(spec.groupColumn()))
                .filter(column -> timeEncoded || !column.name().equals(spec.timeColumn()))
                .toList();
        return Table.of(columns, null);
    }

    private static Windows cut(FittedPipeline fitted, Table features, double[] target, double[] times, String[] groups,
                               int[] rows, WindowSpec spec, String split) {
        Windows windows;
        try {
            float[] values = fitted.apply(features.select(rows)).values();
            windows = Windows.cut(values, fitted.featureNames().size(), select(target, rows), select(times, rows),
                    groups == null ? null : select(groups, rows), spec);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cannot cut the " + split + " split into windows: " + e.getMessage());
        }
        if (windows.count() == 0) {
            throw DomainException.invalid("the " + split + " split (" + rows.length + " rows) is too short for one"
                    + " window of " + spec.window() + " rows and " + spec.horizon() + " target values:"
                    + " shorten the window or the horizon, or give the split a larger share");
        }
        return windows;
    }

    /** Where the target's own past sits among a step's features, and how it was standardised. */
    private static SequenceInfo info(WindowSpec spec, FittedPipeline fitted) {
        SequenceInfo.Builder info = SequenceInfo.newBuilder().setWindow(spec.window()).setHorizon(spec.horizon())
                .setTimeColumn(spec.timeColumn()).setTarget(spec.target())
                .setTargetFeature(fitted.featureNames().indexOf(spec.target())).setTargetMean(0).setTargetStd(1);
        fitted.steps().stream().filter(FittedStandardize.class::isInstance).map(FittedStandardize.class::cast)
                .flatMap(step -> step.scalings().stream())
                .filter(scaling -> scaling.column().equals(spec.target()))
                .forEach(scaling -> info.setTargetMean(scaling.mean()).setTargetStd(scaling.std()));
        return info.build();
    }

    private static double[] select(double[] values, int[] rows) {
        double[] selected = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return selected;
    }

    private static String[] select(String[] values, int[] rows) {
        String[] selected = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return selected;
    }
}
