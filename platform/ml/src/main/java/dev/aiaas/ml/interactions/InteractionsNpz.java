package dev.aiaas.ml.interactions;

import dev.aiaas.ml.npz.NpyArray;
import dev.aiaas.ml.npz.NpzWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * A split of interactions as an .npz, the prepared dataset's tensors for a recommender: one
 * entry per pair, {@code user} and {@code item} int64 rows of the index (kept apart, in the
 * transform's place) and {@code weight} float32.
 */
public final class InteractionsNpz {

    private InteractionsNpz() {
    }

    /** The .npz bytes of {@code interactions}' pairs. */
    public static byte[] encode(Interactions interactions) {
        int size = interactions.size();
        long[] users = new long[size];
        long[] items = new long[size];
        float[] weights = new float[size];
        for (int n = 0; n < size; n++) {
            users[n] = interactions.user(n);
            items[n] = interactions.item(n);
            weights[n] = interactions.weight(n);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpzWriter npz = new NpzWriter(bytes)) {
            npz.add("user", NpyArray.ofLongs(users, size));
            npz.add("item", NpyArray.ofLongs(items, size));
            npz.add("weight", NpyArray.ofFloats(weights, size));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode interactions in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The pairs of a decoded .npz over {@code index}.
     *
     * @throws IllegalArgumentException when an entry is missing or of the wrong type, or the pairs
     *                                  do not fit the index
     */
    public static Interactions decode(Map<String, NpyArray> arrays, IdIndex index) {
        try {
            return new Interactions(index, rows(arrays, "user"), rows(arrays, "item"), array(arrays, "weight").floats());
        } catch (IllegalStateException | ArithmeticException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static int[] rows(Map<String, NpyArray> arrays, String name) {
        return Arrays.stream(array(arrays, name).longs()).mapToInt(Math::toIntExact).toArray();
    }

    private static NpyArray array(Map<String, NpyArray> arrays, String name) {
        NpyArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no '" + name + "' array among " + arrays.keySet());
        }
        return array;
    }
}
