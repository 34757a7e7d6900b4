package dev.aiaas.ml.table;

import java.util.Arrays;
import java.util.Objects;

/**
 * A column of fixed-shape images of unsigned bytes (0–255), one per row. When read as
 * features, each byte is divided by the column's {@link #divisor()}: 1 for raw bytes,
 * 255 once pixels are scaled to [0, 1]. Keeping the bytes and the divisor (rather than
 * floats) keeps a 10,000-image table at a quarter of the memory.
 */
public final class ImageColumn implements Column {

    private final String name;
    private final int[] shape;
    private final int width;
    private final byte[] pixels;
    private final float divisor;

    private ImageColumn(String name, int[] shape, byte[] pixels, float divisor) {
        this.name = Objects.requireNonNull(name, "name");
        checkShape(name, shape);
        this.shape = shape.clone();
        this.width = new ColumnSpec(name, ColumnKind.IMAGE, shape).width();
        if (pixels.length % width != 0) {
            throw new IllegalArgumentException("column '" + name + "': " + pixels.length
                    + " bytes do not hold whole images of " + width + " bytes");
        }
        if (!(divisor > 0) || Float.isInfinite(divisor)) {
            throw new IllegalArgumentException("column '" + name + "': divisor must be positive, was " + divisor);
        }
        this.pixels = pixels;
        this.divisor = divisor;
    }

    /**
     * A column over a copy of {@code pixels}: the images one after another, each in C
     * (row-major) order of {@code shape}.
     */
    public static ImageColumn of(String name, int[] shape, byte[] pixels) {
        return new ImageColumn(name, shape, pixels.clone(), 1f);
    }

    /** A column of the given images, each {@code product(shape)} bytes long. */
    public static ImageColumn ofImages(String name, int[] shape, byte[]... images) {
        int width = new ColumnSpec(name, ColumnKind.IMAGE, shape).width();
        byte[] pixels = new byte[images.length * width];
        for (int row = 0; row < images.length; row++) {
            if (images[row].length != width) {
                throw new IllegalArgumentException("column '" + name + "' row " + row + ": image has "
                        + images[row].length + " bytes, shape " + Arrays.toString(shape) + " needs " + width);
            }
            System.arraycopy(images[row], 0, pixels, row * width, width);
        }
        return new ImageColumn(name, shape, pixels, 1f);
    }

    static void checkShape(String name, int[] shape) {
        if (shape.length == 0 || Arrays.stream(shape).anyMatch(dim -> dim <= 0)) {
            throw new IllegalArgumentException("column '" + name
                    + "': an image needs a shape of positive dimensions, was " + Arrays.toString(shape));
        }
    }

    /** The shape of one image. */
    public int[] shape() {
        return shape.clone();
    }

    /** Bytes per image: the product of the shape. */
    public int width() {
        return width;
    }

    /** What each byte is divided by when read as a feature. */
    public float divisor() {
        return divisor;
    }

    /** The same images read with another divisor. */
    public ImageColumn withDivisor(float newDivisor) {
        return new ImageColumn(name, shape, pixels, newDivisor);
    }

    /** A copy of the raw bytes of the image at {@code row}. */
    public byte[] image(int row) {
        return Arrays.copyOfRange(pixels, row * width, (row + 1) * width);
    }

    /** Writes the image at {@code row} as features (byte / divisor) into {@code target} from {@code offset}. */
    public void writeFeatures(int row, float[] target, int offset) {
        int start = row * width;
        for (int i = 0; i < width; i++) {
            target[offset + i] = (pixels[start + i] & 0xFF) / divisor;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.IMAGE;
    }

    @Override
    public int size() {
        return pixels.length / width;
    }

    @Override
    public boolean isMissing(int row) {
        return false;
    }

    @Override
    public ImageColumn select(int[] rows) {
        byte[] selected = new byte[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(pixels, rows[i] * width, selected, i * width, width);
        }
        return new ImageColumn(name, shape, selected, divisor);
    }

    @Override
    public ImageColumn renamed(String newName) {
        return new ImageColumn(newName, shape, pixels, divisor);
    }

    @Override
    public ColumnSpec spec() {
        return ColumnSpec.image(name, shape);
    }
}
