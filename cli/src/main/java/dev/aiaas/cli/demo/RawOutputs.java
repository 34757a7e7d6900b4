package dev.aiaas.cli.demo;

import dev.aiaas.proto.inference.ModelInferResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads an output tensor from a response, whether it came in contents or raw contents. */
public final class RawOutputs {

    private RawOutputs() {
    }

    public static float[] floats(ModelInferResponse response, String name) {
        int index = index(response, name);
        if (response.getRawOutputContentsCount() > 0) {
            ByteBuffer bytes = raw(response, index);
            float[] values = new float[bytes.remaining() / 4];
            for (int i = 0; i < values.length; i++) {
                values[i] = bytes.getFloat();
            }
            return values;
        }
        var list = response.getOutputs(index).getContents().getFp32ContentsList();
        float[] values = new float[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i);
        }
        return values;
    }

    public static long[] longs(ModelInferResponse response, String name) {
        int index = index(response, name);
        if (response.getRawOutputContentsCount() > 0) {
            ByteBuffer bytes = raw(response, index);
            long[] values = new long[bytes.remaining() / 8];
            for (int i = 0; i < values.length; i++) {
                values[i] = bytes.getLong();
            }
            return values;
        }
        return response.getOutputs(index).getContents().getInt64ContentsList().stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * A BYTES output as UTF-8 text, from its contents or its raw contents (each element a 4-byte
     * little-endian length, then its bytes).
     */
    public static java.util.List<String> texts(ModelInferResponse response, String name) {
        int index = index(response, name);
        if (response.getRawOutputContentsCount() > 0) {
            ByteBuffer bytes = raw(response, index);
            java.util.List<String> values = new java.util.ArrayList<>();
            while (bytes.remaining() >= 4) {
                byte[] element = new byte[bytes.getInt()];
                bytes.get(element);
                values.add(new String(element, java.nio.charset.StandardCharsets.UTF_8));
            }
            return values;
        }
        return response.getOutputs(index).getContents().getBytesContentsList().stream()
                .map(com.google.protobuf.ByteString::toStringUtf8).toList();
    }

    /** A BOOL output, from its contents or its raw contents (one byte per element, nonzero is true). */
    public static boolean[] bools(ModelInferResponse response, String name) {
        int index = index(response, name);
        if (response.getRawOutputContentsCount() > 0) {
            ByteBuffer bytes = raw(response, index);
            boolean[] values = new boolean[bytes.remaining()];
            for (int i = 0; i < values.length; i++) {
                values[i] = bytes.get() != 0;
            }
            return values;
        }
        var list = response.getOutputs(index).getContents().getBoolContentsList();
        boolean[] values = new boolean[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i);
        }
        return values;
    }

    /** Whether the response carries an output called {@code name}. */
    public static boolean has(ModelInferResponse response, String name) {
        return response.getOutputsList().stream().anyMatch(output -> output.getName().equals(name));
    }

    private static ByteBuffer raw(ModelInferResponse response, int index) {
        return response.getRawOutputContents(index).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int index(ModelInferResponse response, String name) {
        for (int i = 0; i < response.getOutputsCount(); i++) {
            if (response.getOutputs(i).getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("the response has no output '" + name + "'");
    }
}
