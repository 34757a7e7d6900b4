package dev.aiaas.ml.npz;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code .npy} file: magic {@code \x93NUMPY}, a version, the header
 * length, and a Python dict literal with {@code descr}, {@code fortran_order} and
 * {@code shape}, padded with spaces and a newline so the data starts at a multiple of 64.
 *
 * @param type  element type
 * @param shape dimensions, C order
 */
record NpyHeader(NpyType type, long[] shape) {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** The header in format version 1.0: magic, version, little-endian length, padded dict. */
    byte[] toBytes() {
        String dict = "{'descr': '" + type.descr() + "', 'fortran_order': False, 'shape': " + shapeTuple() + ", }";
        int preamble = MAGIC.length + 2 + 2;
        int unpadded = preamble + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        if (text.length() > 0xFFFF) {
            throw new IllegalArgumentException("header of shape " + Arrays.toString(shape)
                    + " is too long for .npy 1.0");
        }
        byte[] bytes = new byte[preamble + text.length()];
        System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
        bytes[6] = 1;
        bytes[7] = 0;
        bytes[8] = (byte) (text.length() & 0xFF);
        bytes[9] = (byte) (text.length() >>> 8);
        System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, bytes, preamble, text.length());
        return bytes;
    }

    private String shapeTuple() {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            tuple.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return tuple.append(")").toString();
    }

    /**
     * Reads a header of format version 1.x, 2.x or 3.x from {@code in}, leaving it at the data.
     *
     * @throws IllegalArgumentException for a bad magic, Fortran order or an unsupported dtype
     */
    static NpyHeader read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        data.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException("not a .npy array: the magic \\x93NUMPY is missing");
        }
        int major = data.readUnsignedByte();
        data.readUnsignedByte();
        long length = major == 1
                ? data.readUnsignedByte() | (long) data.readUnsignedByte() << 8
                : Integer.toUnsignedLong(Integer.reverseBytes(data.readInt()));
        byte[] text = new byte[Math.toIntExact(length)];
        data.readFully(text);
        return parse(new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    }

    private static NpyHeader parse(String dict) {
        Matcher descr = find(DESCR, dict, "descr");
        Matcher fortran = find(FORTRAN, dict, "fortran_order");
        Matcher shape = find(SHAPE, dict, "shape");
        if (fortran.group(1).equals("True")) {
            throw new IllegalArgumentException("Fortran-ordered arrays are not supported; save with C order");
        }
        long[] dims = Arrays.stream(shape.group(1).split(","))
                .map(String::trim).filter(dim -> !dim.isEmpty()).mapToLong(Long::parseLong).toArray();
        return new NpyHeader(NpyType.ofDescr(descr.group(1)), dims);
    }

    private static Matcher find(Pattern pattern, String dict, String key) {
        Matcher matcher = pattern.matcher(dict);
        if (!matcher.find()) {
            throw new IllegalArgumentException("the .npy header has no '" + key + "': " + dict.trim());
        }
        return matcher;
    }
}
