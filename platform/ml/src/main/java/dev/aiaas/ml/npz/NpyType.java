package dev.aiaas.ml.npz;

import java.util.Arrays;

/** The element types this package writes and reads, with their NumPy {@code descr}. */
public enum NpyType {
    /** 32-bit float, little-endian: NumPy {@code float32}. */
    FLOAT32("<f4", 4),
    /** 64-bit signed integer, little-endian: NumPy {@code int64}. */
    INT64("<i8", 8);

    private final String descr;
    private final int bytes;

    NpyType(String descr, int bytes) {
        this.descr = descr;
        this.bytes = bytes;
    }

    /** The NumPy type string, e.g. {@code <f4}. */
    public String descr() {
        return descr;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** @throws IllegalArgumentException for a type string this package does not read */
    static NpyType ofDescr(String descr) {
        return Arrays.stream(values()).filter(type -> type.descr.equals(descr)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("dtype '" + descr + "' is not supported; only "
                        + FLOAT32.descr + " and " + INT64.descr + " are"));
    }
}
