package dev.aiaas.ingest.service;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Gunzips bytes as they arrive (RFC 1952), member after member, checking each member's CRC-32
 * and length. {@link java.util.zip.GZIPInputStream} needs a stream to pull from; an upload
 * pushes chunks, so this decoder keeps only the inflater's window and an unfinished header
 * or trailer between chunks.
 */
final class GzipDecoder {

    /** Receives inflated bytes; the array is reused after the call returns. */
    interface Output {
        void write(byte[] bytes, int offset, int length);
    }

    private enum State { HEADER, BODY, TRAILER }

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final Output output;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final byte[] window = new byte[64 * 1024];
    private State state = State.HEADER;
    private long memberBytes;
    private long members;

    GzipDecoder(Output output) {
        this.output = output;
    }

    /** Decodes the next compressed bytes. @throws ZipException when they are not valid gzip */
    void accept(byte[] chunk) throws ZipException {
        byte[] input = chunk;
        int offset = 0;
        while (offset < input.length) {
            if (state == State.BODY) {
                offset = inflate(input, offset);
                continue;
            }
            pending.write(input, offset, input.length - offset);
            input = pending.toByteArray();
            pending.reset();
            offset = state == State.HEADER ? header(input) : trailer(input);
            if (offset < 0) { // incomplete: keep the bytes for the next chunk
                pending.write(input, 0, input.length);
                return;
            }
        }
    }

    /** @throws ZipException when the data ends inside a member (a truncated file) */
    void finish() throws ZipException {
        if (state != State.HEADER || pending.size() > 0) {
            throw new ZipException("the gzip data ends early: the file is truncated");
        }
        if (members == 0) {
            throw new ZipException("the file is empty");
        }
        inflater.end();
    }

    private int inflate(byte[] input, int offset) throws ZipException {
        inflater.setInput(input, offset, input.length - offset);
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(window);
                if (n > 0) {
                    crc.update(window, 0, n);
                    memberBytes += n;
                    output.write(window, 0, n);
                } else if (inflater.needsInput()) {
                    return input.length;
                } else if (inflater.needsDictionary()) {
                    throw new ZipException("the deflate data needs a preset dictionary, which gzip never uses");
                }
            }
        } catch (DataFormatException e) {
            throw new ZipException("the compressed data is corrupt: " + e.getMessage());
        }
        state = State.TRAILER;
        return input.length - inflater.getRemaining();
    }

    /** Parses a member header at the start of {@code h}; where the body starts, or -1 if incomplete. */
    private int header(byte[] h) throws ZipException {
        if ((h.length > 0 && h[0] != 0x1f) || (h.length > 1 && h[1] != (byte) 0x8b)) {
            throw new ZipException("not gzip data (it does not start with the gzip magic bytes 1f 8b)");
        }
        if (h.length < 10) {
            return -1;
        }
        if (h[2] != 8) {
            throw new ZipException("unknown gzip compression method " + h[2]);
        }
        int flags = h[3] & 0xff;
        int p = 10;
        if ((flags & FEXTRA) != 0) {
            p = h.length < p + 2 ? -1 : p + 2 + ((h[p] & 0xff) | (h[p + 1] & 0xff) << 8);
        }
        p = (flags & FNAME) != 0 ? afterZero(h, p) : p;
        p = (flags & FCOMMENT) != 0 ? afterZero(h, p) : p;
        p = (flags & FHCRC) != 0 && p >= 0 ? p + 2 : p;
        if (p < 0 || p > h.length) {
            return -1;
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        state = State.BODY;
        return p;
    }

    /** Checks a member's CRC-32 and length; where the next member starts, or -1 if incomplete. */
    private int trailer(byte[] t) throws ZipException {
        if (t.length < 8) {
            return -1;
        }
        long crcValue = littleEndian(t, 0);
        long size = littleEndian(t, 4);
        if (crcValue != crc.getValue() || size != (memberBytes & 0xffffffffL)) {
            throw new ZipException("the gzip checksum does not match: the file is corrupt");
        }
        members++;
        state = State.HEADER;
        return 8;
    }

    private static int afterZero(byte[] h, int from) {
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < h.length; i++) {
            if (h[i] == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static long littleEndian(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
