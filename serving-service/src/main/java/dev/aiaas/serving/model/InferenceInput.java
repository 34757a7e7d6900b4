package dev.aiaas.serving.model;

import java.util.List;
import java.util.Map;

/**
 * The rows of one inference request: already-transformed tensors, raw records, (for a
 * sequence model) raw windows of records, or (for a recommender) user ids.
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

    /**
     * The users a recommender is asked to recommend for, one per row, and how.
     *
     * @param ids         each row's user id, never empty
     * @param k           how many items to answer per row at most, 1 to {@link #MAX_K}
     * @param excludeSeen whether to leave out the items each user had in training
     */
    record Users(List<String> ids, int k, boolean excludeSeen) implements InferenceInput {

        /** The k a request gets when it names none. */
        public static final int DEFAULT_K = 10;
        /** The most items a request may ask for per row. */
        public static final int MAX_K = 1000;

        public Users {
            ids = List.copyOf(ids);
            if (k < 1 || k > MAX_K) {
                throw new IllegalArgumentException("k must be 1 to " + MAX_K + ", was " + k);
            }
        }

        @Override
        public int rows() {
            return ids.size();
        }
    }
}
