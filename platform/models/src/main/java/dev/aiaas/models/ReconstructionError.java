package dev.aiaas.models;

/** An autoencoder's anomaly score: the mean squared difference between a row and its reconstruction. */
final class ReconstructionError {

    private ReconstructionError() {
    }

    /**
     * The score of each of {@code rows} rows.
     *
     * @param inputs          the rows, {@code rows × width} values
     * @param reconstructions what the autoencoder gave back for them, in the same layout
     */
    static float[] perRow(float[] inputs, int inputOffset, float[] reconstructions, int rows) {
        int width = reconstructions.length / rows;
        float[] scores = new float[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < width; j++) {
                double error = reconstructions[r * width + j] - inputs[inputOffset + r * width + j];
                sum += error * error;
            }
            scores[r] = (float) (sum / width);
        }
        return scores;
    }
}
