package dev.aiaas.ingest.service;

import dev.aiaas.ingest.model.ColumnSpec;
import java.util.Base64;
import java.util.List;

/** Converts one raw value to its column's type, or says why it cannot. */
final class ValueCoercion {

    private ValueCoercion() {
    }

    static Object coerce(ColumnSpec column, Object value) {
        return switch (column.kind()) {
            case DOUBLE -> toDouble(value);
            case INT64 -> toLong(value);
            case STRING -> toText(value);
            case BOOL -> toBool(value);
            case IMAGE_U8 -> toImage(column, value);
        };
    }

    private static double toDouble(Object value) {
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                number = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a number (DOUBLE)");
            }
        } else {
            throw new IllegalArgumentException(describe(value) + " is not a number (DOUBLE)");
        }
        if (Double.isInfinite(number)) {
            throw new IllegalArgumentException("infinite value: send a finite number or leave it missing");
        }
        return number;
    }

    private static long toLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return d.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a whole number (INT64)");
            }
        }
        throw new IllegalArgumentException(describe(value) + " is not a whole number (INT64)");
    }

    private static String toText(Object value) {
        if (value instanceof String s) {
            if (s.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("text may not contain the NUL character (U+0000)");
            }
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException(describe(value) + " is not text (STRING)");
    }

    private static boolean toBool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException(describe(value) + " is not true or false (BOOL)");
    }

    private static byte[] toImage(ColumnSpec column, Object value) {
        byte[] bytes;
        if (value instanceof byte[] b) {
            bytes = b;
        } else if (value instanceof String s) {
            try {
                bytes = Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("image is neither bytes nor base64 text");
            }
        } else if (value instanceof List<?> list) {
            bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                long pixel = toLong(list.get(i));
                if (pixel < 0 || pixel > 255) {
                    throw new IllegalArgumentException("pixel " + i + " is " + pixel + ", outside 0-255");
                }
                bytes[i] = (byte) pixel;
            }
        } else {
            throw new IllegalArgumentException(describe(value) + " is not an image (IMAGE_U8)");
        }
        if (bytes.length != column.imageBytes()) {
            throw new IllegalArgumentException("image has " + bytes.length + " bytes, the shape "
                    + java.util.Arrays.toString(column.shape()) + " needs " + column.imageBytes());
        }
        return bytes;
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : value.getClass().getSimpleName() + " " + value;
    }
}
