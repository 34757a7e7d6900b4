package dev.aiaas.ml.table;

import java.util.List;

/** Turns the forms an image arrives in (bytes, ints, a JSON list of numbers) into bytes. */
final class ImagePixels {

    private ImagePixels() {
    }

    /** @throws IllegalArgumentException for null, another type, or a pixel outside 0–255 */
    static byte[] toBytes(Object raw) {
        if (raw instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (raw instanceof int[] ints) {
            byte[] bytes = new byte[ints.length];
            for (int i = 0; i < ints.length; i++) {
                bytes[i] = pixel(ints[i], i);
            }
            return bytes;
        }
        if (raw instanceof List<?> list) {
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = pixel(list.get(i), i);
            }
            return bytes;
        }
        throw new IllegalArgumentException(raw == null
                ? "an image is required, got none"
                : "expected an image as bytes or a list of numbers 0-255, got " + raw.getClass().getSimpleName());
    }

    private static byte pixel(Object value, int index) {
        if (!(value instanceof Number number) || number.doubleValue() != number.intValue()) {
            throw new IllegalArgumentException("pixel " + index + " is not a whole number: " + value);
        }
        return pixel(number.intValue(), index);
    }

    private static byte pixel(int value, int index) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("pixel " + index + " is " + value + ", outside 0-255");
        }
        return (byte) value;
    }
}
