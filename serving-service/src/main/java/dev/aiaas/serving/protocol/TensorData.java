package dev.aiaas.serving.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.InferTensorContents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One input's REST {@code data}, flat or nested (row-major either way), read into a buffer
 * that grows only while the request's {@link Budget} allows, then typed by the input's
 * datatype. Numbers and booleans are kept as doubles, text as UTF-8.
 */
final class TensorData {

    /** What all inputs of one request may still take. */
    static final class Budget {
        private long elements;
        private long bytes;

        Budget(RequestLimits limits) {
            this.elements = limits.maxElements();
            this.bytes = limits.maxBytes();
        }

        void takeElement() {
            if (--elements < 0) {
                throw DomainException.invalid("the request's data holds more elements than one request may "
                        + "carry: split it");
            }
        }

        void takeBytes(int count) {
            bytes -= count;
            if (bytes < 0) {
                throw DomainException.invalid("the request's text data is larger than one request may carry: split it");
            }
        }
    }

    private final Budget budget;
    private double[] numbers = new double[16];
    private int count;
    private List<ByteString> texts;
    private boolean present;
    private JsonToken kind;

    TensorData(Budget budget) {
        this.budget = budget;
    }

    boolean present() {
        return present;
    }

    void read(JsonParser parser) throws IOException {
        present = true;
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                read(parser);
            }
            return;
        }
        budget.takeElement();
        JsonToken token = parser.currentToken();
        switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser.getDoubleValue(), JsonToken.VALUE_NUMBER_FLOAT);
            case VALUE_TRUE, VALUE_FALSE -> number(token == JsonToken.VALUE_TRUE ? 1 : 0, JsonToken.VALUE_TRUE);
            case VALUE_NULL -> number(Double.NaN, JsonToken.VALUE_NUMBER_FLOAT);
            case VALUE_STRING -> text(parser.getText());
            default -> throw DomainException.invalid("tensor data holds " + token + " where a value belongs");
        }
    }

    private void number(double value, JsonToken type) {
        same(type);
        if (count == numbers.length) {
            numbers = Arrays.copyOf(numbers, numbers.length * 2);
        }
        numbers[count++] = value;
    }

    private void text(String value) {
        same(JsonToken.VALUE_STRING);
        ByteString utf8 = ByteString.copyFromUtf8(value);
        budget.takeBytes(utf8.size());
        if (texts == null) {
            texts = new ArrayList<>();
        }
        texts.add(utf8);
    }

    private void same(JsonToken type) {
        if (kind != null && kind != type) {
            throw DomainException.invalid("tensor data mixes " + describe(kind) + " and " + describe(type)
                    + ": one tensor holds one datatype");
        }
        kind = type;
    }

    /** The data as the protocol's contents of {@code datatype}. */
    InferTensorContents contents(String name, String datatype) {
        Datatypes.size(name, datatype); // refuses an unknown datatype by name
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        if ("BYTES".equals(datatype)) {
            requireKind(name, datatype, JsonToken.VALUE_STRING);
            return contents.addAllBytesContents(texts == null ? List.of() : texts).build();
        }
        if ("BOOL".equals(datatype)) {
            requireKind(name, datatype, JsonToken.VALUE_TRUE);
            for (int i = 0; i < count; i++) {
                contents.addBoolContents(numbers[i] != 0);
            }
            return contents.build();
        }
        requireKind(name, datatype, JsonToken.VALUE_NUMBER_FLOAT);
        for (int i = 0; i < count; i++) {
            add(contents, name, datatype, numbers[i]);
        }
        return contents.build();
    }

    private static void add(InferTensorContents.Builder contents, String name, String datatype, double value) {
        switch (datatype) {
            case "FP32" -> contents.addFp32Contents((float) value);
            case "FP64" -> contents.addFp64Contents(value);
            case "INT8", "INT16", "INT32" -> contents.addIntContents((int) integral(name, datatype, value));
            case "INT64" -> contents.addInt64Contents(integral(name, datatype, value));
            default -> contents.addUintContents((int) integral(name, datatype, value));
        }
    }

    private static long integral(String name, String datatype, double value) {
        if (value != Math.rint(value) || Double.isNaN(value)) {
            throw DomainException.invalid("input '" + name + "' is " + datatype + " but its data holds " + value);
        }
        return (long) value;
    }

    private void requireKind(String name, String datatype, JsonToken expected) {
        if (kind != null && kind != expected) {
            throw DomainException.invalid("input '" + name + "' is " + datatype + " but its data holds "
                    + describe(kind) + ": send " + describe(expected));
        }
    }

    private static String describe(JsonToken kind) {
        return switch (kind) {
            case VALUE_STRING -> "strings";
            case VALUE_TRUE -> "booleans";
            default -> "numbers";
        };
    }
}
