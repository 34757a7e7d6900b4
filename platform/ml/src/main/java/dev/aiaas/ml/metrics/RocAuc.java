package dev.aiaas.ml.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The area under the ROC curve of scores that should rank positives above negatives: the chance
 * that a random positive scores higher than a random negative, ties counting one half (the
 * Mann–Whitney U statistic over the two counts). 1 is a perfect ranking, 0.5 a random one.
 */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * @param positive whether each row is of the positive class
     * @param score    each row's score, higher meaning more likely positive
     * @throws IllegalArgumentException for arrays of different lengths, a NaN score, or rows of only
     *                                  one class (the area is then undefined)
     */
    public static double compute(boolean[] positive, double[] score) {
        if (positive.length != score.length) {
            throw new IllegalArgumentException("need a score per row: " + positive.length + " rows, " + score.length
                    + " scores");
        }
        if (Arrays.stream(score).anyMatch(Double::isNaN)) {
            throw new IllegalArgumentException("a score is NaN: the model's output is not a number");
        }
        long positives = IntStream.range(0, positive.length).filter(i -> positive[i]).count();
        long negatives = positive.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC-AUC needs rows of both classes; got " + positives + " positive and "
                    + negatives + " negative");
        }
        Integer[] order = IntStream.range(0, score.length).boxed().sorted(Comparator.comparingDouble(i -> score[i]))
                .toArray(Integer[]::new);
        double positiveRankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // tied scores share their mean rank
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += rank;
                }
            }
            i = j + 1;
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }
}
