package dev.aiaas.ml.npz;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads NumPy {@code .npz} archives (stored or deflated, as {@code numpy.savez} and
 * {@code numpy.savez_compressed} write them) whose arrays are C-ordered, little-endian
 * float32 or int64, as {@link NpzWriter} writes them.
 */
public final class NpzReader {

    private static final int CHUNK_BYTES = 1 << 16;

    private NpzReader() {
    }

    /** Every array in {@code file}, by name (without {@code .npy}), in archive order. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Every array in the archive read from {@code in}, which is left open.
     *
     * @throws IllegalArgumentException for an entry that is not a supported {@code .npy} array
     */
    public static Map<String, NpyArray> read(InputStream in) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        ZipInputStream zip = new ZipInputStream(new BufferedInputStream(in, CHUNK_BYTES));
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (entry.isDirectory() || !entry.getName().endsWith(".npy")) {
                continue;
            }
            String name = entry.getName().substring(0, entry.getName().length() - ".npy".length());
            try {
                arrays.put(name, readArray(zip));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("array '" + name + "': " + e.getMessage(), e);
            }
        }
        return arrays;
    }

    private static NpyArray readArray(InputStream in) throws IOException {
        NpyHeader header = NpyHeader.read(in);
        int count = Math.toIntExact(NpyArray.elementCount(header.shape()));
        DataInputStream data = new DataInputStream(in);
        if (header.type() == NpyType.FLOAT32) {
            float[] values = new float[count];
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int done = 0; done < count; ) {
                int n = fill(data, buffer, Math.min(count - done, CHUNK_BYTES / Float.BYTES) * Float.BYTES);
                buffer.asFloatBuffer().get(values, done, n / Float.BYTES);
                done += n / Float.BYTES;
            }
            return NpyArray.ofFloats(values, header.shape());
        }
        long[] values = new long[count];
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < count; ) {
            int n = fill(data, buffer, Math.min(count - done, CHUNK_BYTES / Long.BYTES) * Long.BYTES);
            buffer.asLongBuffer().get(values, done, n / Long.BYTES);
            done += n / Long.BYTES;
        }
        return NpyArray.ofLongs(values, header.shape());
    }

    private static int fill(DataInputStream data, ByteBuffer buffer, int bytes) throws IOException {
        buffer.clear();
        data.readFully(buffer.array(), 0, bytes);
        buffer.limit(bytes);
        return bytes;
    }
}
