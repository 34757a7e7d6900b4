package dev.aiaas.ml.npz;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes NumPy {@code .npz} archives: a zip of {@code name.npy} entries, each in
 * {@code .npy} format version 1.0, little-endian, C order. Entries are deflated, as
 * {@code numpy.savez_compressed} writes them; {@code numpy.load} reads them as a dict
 * of arrays, e.g. {@code x} (float32 {@code [n, ...]}) and {@code y} (int64 {@code [n]}).
 */
public final class NpzWriter implements Closeable {

    private static final int CHUNK_BYTES = 1 << 16;

    private final ZipOutputStream zip;
    private final Set<String> names = new HashSet<>();

    /** A writer onto {@code out}; closing the writer finishes the archive and closes {@code out}. */
    public NpzWriter(OutputStream out) {
        this.zip = new ZipOutputStream(new BufferedOutputStream(out, CHUNK_BYTES));
    }

    /** Writes {@code arrays} (name → array, in map order) to a new file at {@code file}. */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        try (NpzWriter writer = new NpzWriter(Files.newOutputStream(file))) {
            for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
                writer.add(entry.getKey(), entry.getValue());
            }
        }
    }

    /**
     * Adds array {@code name} (stored as {@code name.npy}).
     *
     * @throws IllegalArgumentException for an empty name, a name with a path separator, or a name used twice
     */
    public NpzWriter add(String name, NpyArray array) throws IOException {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || !names.add(name)) {
            throw new IllegalArgumentException("array name '" + name
                    + "' must be non-empty, without '/', and used once per archive");
        }
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        zip.write(new NpyHeader(array.type(), array.shape()).toBytes());
        if (array.type() == NpyType.FLOAT32) {
            writeFloats(array.floats());
        } else {
            writeLongs(array.longs());
        }
        zip.closeEntry();
        return this;
    }

    private void writeFloats(float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            if (buffer.remaining() < Float.BYTES) {
                flush(buffer);
            }
            buffer.putFloat(value);
        }
        flush(buffer);
    }

    private void writeLongs(long[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            if (buffer.remaining() < Long.BYTES) {
                flush(buffer);
            }
            buffer.putLong(value);
        }
        flush(buffer);
    }

    private void flush(ByteBuffer buffer) throws IOException {
        zip.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
