package dev.aiaas.serving.protocol;

import com.google.protobuf.ByteString;
import dev.aiaas.errors.DomainException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Decodes {@code raw_input_contents} entries: little-endian, row-major, as the protocol says. */
final class RawTensors {

    private RawTensors() {
    }

    static double[] numbers(String name, String datatype, ByteString raw) {
        ByteBuffer buffer = TensorCodec.littleEndian(raw.toByteArray());
        int size = switch (datatype) {
            case "FP32", "INT32" -> 4;
            case "FP64", "INT64" -> 8;
            case "BOOL", "INT8" -> 1;
            case "INT16" -> 2;
            default -> throw DomainException.invalid("input '" + name + "' has datatype " + datatype
                    + ": use FP32, FP64, INT32, INT64, BOOL, UINT8 (images) or BYTES (text)");
        };
        if (raw.size() % size != 0) {
            throw DomainException.invalid("raw contents of input '" + name + "' are " + raw.size()
                    + " bytes, not a whole number of " + datatype + " values");
        }
        double[] values = new double[raw.size() / size];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (datatype) {
                case "FP32" -> buffer.getFloat();
                case "FP64" -> buffer.getDouble();
                case "INT32" -> buffer.getInt();
                case "INT64" -> buffer.getLong();
                case "INT16" -> buffer.getShort();
                default -> buffer.get();
            };
        }
        return values;
    }

    /** BYTES elements: each a 4-byte little-endian length, then that many bytes. */
    static List<ByteString> bytes(ByteString raw) {
        ByteBuffer buffer = TensorCodec.littleEndian(raw.toByteArray());
        List<ByteString> elements = new ArrayList<>();
        while (buffer.remaining() >= 4) {
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw DomainException.invalid("raw BYTES contents are malformed: an element claims " + length + " bytes");
            }
            byte[] element = new byte[length];
            buffer.get(element);
            elements.add(ByteString.copyFrom(element));
        }
        return elements;
    }

    static byte[] uint8(List<Integer> values) {
        byte[] bytes = new byte[values.size()];
        for (int i = 0; i < bytes.length; i++) {
            int value = values.get(i);
            if (value < 0 || value > 255) {
                throw DomainException.invalid("a UINT8 value is " + value + ", outside 0-255");
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }
}
