package dev.aiaas.ml.metrics;

import java.util.Arrays;

/**
 * How well predicted classes match actual ones. Macro averages weigh every class
 * equally. Zero-division convention (as scikit-learn's {@code zero_division=0}): a
 * class never predicted has precision 0, a class that never occurs has recall 0,
 * and a class whose precision and recall are both 0 has F1 0; such classes still
 * count in the macro averages.
 *
 * @param classes         number of classes
 * @param accuracy        share of rows predicted correctly
 * @param precisionMacro  mean over classes of TP / (TP + FP)
 * @param recallMacro     mean over classes of TP / (TP + FN)
 * @param f1Macro         mean over classes of the per-class F1, 2PR / (P + R)
 * @param precision       per-class precision
 * @param recall          per-class recall
 * @param f1              per-class F1
 * @param confusionMatrix {@code classes × classes} counts, row-major: entry
 *                        {@code actual * classes + predicted}
 */
public record ClassificationMetrics(int classes, double accuracy, double precisionMacro, double recallMacro,
                                    double f1Macro, double[] precision, double[] recall, double[] f1,
                                    long[] confusionMatrix) {

    /**
     * Metrics of {@code predicted} against {@code actual}, both class indices in {@code [0, classes)}.
     *
     * @throws IllegalArgumentException for arrays of different or zero length, or an index out of range
     */
    public static ClassificationMetrics compute(int[] actual, int[] predicted, int classes) {
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException("need as many predictions as actual classes, at least one; got "
                    + actual.length + " actual and " + predicted.length + " predicted");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("need at least one class, got " + classes);
        }
        long[] confusion = confusion(actual, predicted, classes);
        double[] precision = new double[classes];
        double[] recall = new double[classes];
        double[] f1 = new double[classes];
        long correct = 0;
        for (int c = 0; c < classes; c++) {
            long truePositives = confusion[c * classes + c];
            correct += truePositives;
            precision[c] = ratio(truePositives, columnSum(confusion, classes, c));
            recall[c] = ratio(truePositives, rowSum(confusion, classes, c));
            double sum = precision[c] + recall[c];
            f1[c] = sum == 0 ? 0 : 2 * precision[c] * recall[c] / sum;
        }
        return new ClassificationMetrics(classes, correct / (double) actual.length, mean(precision), mean(recall),
                mean(f1), precision, recall, f1, confusion);
    }

    private static long[] confusion(int[] actual, int[] predicted, int classes) {
        long[] confusion = new long[classes * classes];
        for (int i = 0; i < actual.length; i++) {
            checkClass("actual", i, actual[i], classes);
            checkClass("predicted", i, predicted[i], classes);
            confusion[actual[i] * classes + predicted[i]]++;
        }
        return confusion;
    }

    private static void checkClass(String which, int row, int index, int classes) {
        if (index < 0 || index >= classes) {
            throw new IllegalArgumentException(which + " class of row " + row + " is " + index
                    + ", outside [0, " + classes + ")");
        }
    }

    private static long rowSum(long[] confusion, int classes, int row) {
        long sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += confusion[row * classes + c];
        }
        return sum;
    }

    private static long columnSum(long[] confusion, int classes, int column) {
        long sum = 0;
        for (int r = 0; r < classes; r++) {
            sum += confusion[r * classes + column];
        }
        return sum;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : numerator / (double) denominator;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    /** The count of rows of actual class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return confusionMatrix[actual * classes + predicted];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassificationMetrics that && classes == that.classes
                && Arrays.equals(confusionMatrix, that.confusionMatrix);
    }

    @Override
    public int hashCode() {
        return 31 * classes + Arrays.hashCode(confusionMatrix);
    }

    @Override
    public String toString() {
        return "ClassificationMetrics[accuracy=" + accuracy + ", precisionMacro=" + precisionMacro
                + ", recallMacro=" + recallMacro + ", f1Macro=" + f1Macro
                + ", confusionMatrix=" + Arrays.toString(confusionMatrix) + "]";
    }
}
