package dev.aiaas.serving.model;

import java.util.List;
import java.util.Map;

/**
 * The rows of one inference request: already-transformed tensors, raw records, or (for a
 * sequence model) raw windows of records.
 */
public sealed interface InferenceInput {

    int rows();

    /** Model-ready features, row-major, {@code width} values per row. */
    record Prepared(float[] values, int rows, int width) implements InferenceInput {
    }

    /** Raw records (column name → value) that the model's fitted transform turns into features. */
    record Raw(List<Map<String, Object>> records) implements InferenceInput {
        @Override
        public int rows() {
            return records.size();
        }
    }

    /**
     * Raw examples of a sequence model: each a window of records (column name → value),
     * oldest first, that the fitted transform turns into one example's features.
     */
    record RawWindows(List<List<Map<String, Object>>> windows) implements InferenceInput {
        @Override
        public int rows() {
            return windows.size();
        }
    }
}
