package dev.aiaas.ml.npz;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array in C (row-major) order: a shape and its elements, either
 * float32 or int64. The element array is shared, not copied: callers must not change it.
 */
public final class NpyArray {

    private final NpyType type;
    private final long[] shape;
    private final float[] floats;
    private final long[] longs;

    private NpyArray(NpyType type, long[] shape, float[] floats, long[] longs) {
        this.type = type;
        this.shape = shape.clone();
        this.floats = floats;
        this.longs = longs;
        long elements = elementCount(this.shape);
        int length = floats != null ? floats.length : longs.length;
        if (elements != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + elements
                    + " elements, the data has " + length);
        }
    }

    /** A float32 array of {@code data} with {@code shape}. */
    public static NpyArray ofFloats(float[] data, long... shape) {
        return new NpyArray(NpyType.FLOAT32, shape, Objects.requireNonNull(data), null);
    }

    /** An int64 array of {@code data} with {@code shape}. */
    public static NpyArray ofLongs(long[] data, long... shape) {
        return new NpyArray(NpyType.INT64, shape, null, Objects.requireNonNull(data));
    }

    /** A one-dimensional int64 array of {@code data}, e.g. class indices. */
    public static NpyArray ofInts(int[] data) {
        return ofLongs(Arrays.stream(data).asLongStream().toArray(), data.length);
    }

    /** Elements of {@code shape}: the product of its dimensions, 1 for a scalar. */
    static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    public NpyType type() {
        return type;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int size() {
        return floats != null ? floats.length : longs.length;
    }

    /** @throws IllegalStateException when the array is not float32 */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("the array is " + type + ", not FLOAT32");
        }
        return floats;
    }

    /** @throws IllegalStateException when the array is not int64 */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalStateException("the array is " + type + ", not INT64");
        }
        return longs;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray that && type == that.type && Arrays.equals(shape, that.shape)
                && Arrays.equals(floats, that.floats) && Arrays.equals(longs, that.longs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(shape), Arrays.hashCode(floats), Arrays.hashCode(longs));
    }

    @Override
    public String toString() {
        return "NpyArray[" + type.descr() + " " + Arrays.toString(shape) + "]";
    }
}
