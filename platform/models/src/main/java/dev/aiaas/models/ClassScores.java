package dev.aiaas.models;

/** Picks the predicted class out of a row-major block of per-class scores. */
final class ClassScores {

    private ClassScores() {
    }

    /** The index of the highest of the {@code classes} scores of each of {@code rows} rows (first on ties). */
    static int[] argmax(float[] scores, int rows, int classes) {
        int[] best = new int[rows];
        for (int row = 0; row < rows; row++) {
            int offset = row * classes;
            for (int c = 1; c < classes; c++) {
                if (scores[offset + c] > scores[offset + best[row]]) {
                    best[row] = c;
                }
            }
        }
        return best;
    }
}
