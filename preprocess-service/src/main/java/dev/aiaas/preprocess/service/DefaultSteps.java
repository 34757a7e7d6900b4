package dev.aiaas.preprocess.service;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.DropMissingLabel;
import dev.aiaas.ml.transform.Impute;
import dev.aiaas.ml.transform.OneHot;
import dev.aiaas.ml.transform.ScalePixels;
import dev.aiaas.ml.transform.Standardize;
import dev.aiaas.ml.transform.Step;
import dev.aiaas.ml.transform.Tokenize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The pipeline a dataset gets when nobody names one (for example when it is prepared
 * automatically after a seal): drop unlabelled rows, fill numeric gaps with the median,
 * standardise numbers, one-hot encode categories, tokenize text (a STRING column with more
 * distinct values than one-hot takes), scale pixels to [0, 1].
 */
final class DefaultSteps {

    private DefaultSteps() {
    }

    static List<Step> forTable(Table table) {
        List<Step> steps = new ArrayList<>();
        steps.add(new DropMissingLabel());
        List<Column> features = table.featureColumns();
        if (has(features, ColumnKind.NUMERIC)) {
            steps.add(new Impute(Impute.Strategy.MEDIAN));
            steps.add(new Standardize());
        }
        List<String> categories = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Column column : features) {
            if (column instanceof CategoricalColumn categorical) {
                (distinct(categorical) > OneHot.MAX_CATEGORIES ? texts : categories).add(column.name());
            }
        }
        if (!categories.isEmpty()) {
            steps.add(new OneHot(categories));
        }
        if (!texts.isEmpty()) {
            steps.add(Tokenize.of(texts));
        }
        if (has(features, ColumnKind.IMAGE)) {
            steps.add(new ScalePixels());
        }
        return steps;
    }

    private static long distinct(CategoricalColumn column) {
        return Arrays.stream(column.values()).filter(Objects::nonNull).distinct().count();
    }

    private static boolean has(List<Column> columns, ColumnKind kind) {
        return columns.stream().anyMatch(c -> c.spec().kind() == kind);
    }
}
