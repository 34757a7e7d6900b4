package dev.aiaas.serving.model;

import java.util.List;
import java.util.Map;

/**
 * The rows of one inference request: already-transformed tensors, raw records, (for a
 * sequence model) raw windows of records, (for a recommender) user ids, or (for an uploaded
 * model) its one input tensor.
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

    /**
     * An uploaded model's input tensor, row-major, {@code rows} rows: FP32 values in {@code floats}
     * or INT64 values in {@code longs}, as its signature's datatype says; the other is null.
     */
    record Tensor(float[] floats, long[] longs, int rows) implements InferenceInput {

        public Tensor {
            if ((floats == null) == (longs == null)) {
                throw new IllegalArgumentException("a tensor holds FP32 or INT64 values, exactly one of them");
            }
        }

        public static Tensor fp32(float[] values, int rows) {
            return new Tensor(values, null, rows);
        }

        public static Tensor int64(long[] values, int rows) {
            return new Tensor(null, values, rows);
        }

        public boolean isInt64() {
            return longs != null;
        }

        /** The rows of {@code parts} one after another, as one tensor; all of one datatype. */
        public static Tensor concat(List<Tensor> parts) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            int rows = parts.stream().mapToInt(Tensor::rows).sum();
            boolean int64 = parts.get(0).isInt64();
            int length = parts.stream().mapToInt(p -> int64 ? p.longs().length : p.floats().length).sum();
            Object joined = int64 ? new long[length] : new float[length];
            int offset = 0;
            for (Tensor part : parts) {
                Object values = int64 ? part.longs() : part.floats();
                int size = int64 ? part.longs().length : part.floats().length;
                System.arraycopy(values, 0, joined, offset, size);
                offset += size;
            }
            return int64 ? int64((long[]) joined, rows) : fp32((float[]) joined, rows);
        }
    }
}
