package dev.aiaas.serving.protocol;

import com.google.protobuf.ByteString;
import dev.aiaas.errors.DomainException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@code raw_input_contents} entries: little-endian, row-major, as the protocol says.
 * Sizes are checked against the admitted shape before anything is allocated.
 */
final class RawTensors {

    private RawTensors() {
    }

    static double[] numbers(String name, String datatype, ByteString raw, int elements) {
        int size = Datatypes.size(name, datatype);
        if ((long) elements * size != raw.size()) {
            throw DomainException.invalid("raw contents of input '" + name + "' are " + raw.size() + " bytes; "
                    + elements + " " + datatype + " values are " + (long) elements * size + " bytes");
        }
        ByteBuffer buffer = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[elements];
        for (int i = 0; i < elements; i++) {
            values[i] = switch (datatype) {
                case "FP32" -> buffer.getFloat();
                case "FP64" -> buffer.getDouble();
                case "INT32" -> buffer.getInt();
                case "INT64" -> buffer.getLong();
                case "INT16" -> buffer.getShort();
                case "UINT8", "BOOL" -> Byte.toUnsignedInt(buffer.get());
                default -> buffer.get();
            };
        }
        return values;
    }

    /** INT64 elements, exactly (without the detour through double that {@link #numbers} takes). */
    static long[] longs(String name, ByteString raw, int elements) {
        if ((long) elements * Long.BYTES != raw.size()) {
            throw DomainException.invalid("raw contents of input '" + name + "' are " + raw.size() + " bytes; "
                    + elements + " INT64 values are " + (long) elements * Long.BYTES + " bytes");
        }
        long[] values = new long[elements];
        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
        return values;
    }

    static byte[] uint8(String name, ByteString raw, int elements) {
        if (raw.size() != elements) {
            throw DomainException.invalid("raw contents of UINT8 input '" + name + "' are " + raw.size()
                    + " bytes; its shape needs " + elements);
        }
        return raw.toByteArray();
    }

    /** BYTES elements: each a 4-byte little-endian length, then that many bytes; exactly {@code elements} of them. */
    static List<ByteString> bytes(String name, ByteString raw, int elements, int maxBytes) {
        if (raw.size() > maxBytes) {
            throw DomainException.invalid("input '" + name + "' carries " + raw.size() + " bytes of text; at most "
                    + maxBytes + " fit in one request");
        }
        ByteBuffer buffer = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<ByteString> values = new ArrayList<>(Math.min(elements, raw.size() / 4 + 1));
        while (buffer.remaining() > 0) {
            if (buffer.remaining() < 4 || values.size() == elements) {
                throw DomainException.invalid("raw BYTES contents of input '" + name + "' do not hold exactly "
                        + elements + " length-prefixed elements");
            }
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw DomainException.invalid("raw BYTES contents of input '" + name + "' are malformed: an element "
                        + "claims " + Integer.toUnsignedString(length) + " bytes where " + buffer.remaining() + " remain");
            }
            values.add(raw.substring(buffer.position(), buffer.position() + length));
            buffer.position(buffer.position() + length);
        }
        if (values.size() != elements) {
            throw DomainException.invalid("raw BYTES contents of input '" + name + "' hold " + values.size()
                    + " elements; its shape needs " + elements);
        }
        return values;
    }
}
