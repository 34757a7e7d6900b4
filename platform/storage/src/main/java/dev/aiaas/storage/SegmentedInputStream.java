package dev.aiaas.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * A stream that reads its source one segment at a time and gives out what each segment turns
 * into ({@link EncryptingInputStream}, {@link DecryptingInputStream}). It looks one byte ahead
 * so that it knows, when a segment is read, whether it is the source's last. Closing it closes
 * the source.
 */
abstract class SegmentedInputStream extends InputStream {

    private final PushbackInputStream source;
    private final byte[] segment;
    private final byte[] output;
    private int outputLength;
    private int position;
    private boolean finished;

    /**
     * @param segmentBytes   bytes of a full segment of the source
     * @param outputCapacity the most output one segment can turn into
     */
    SegmentedInputStream(InputStream source, int segmentBytes, int outputCapacity) {
        this.source = new PushbackInputStream(source, 1);
        this.segment = new byte[segmentBytes];
        this.output = new byte[outputCapacity];
    }

    /**
     * Turns one segment of the source into output.
     *
     * @param segment the segment's bytes
     * @param length  how many of them there are (fewer than a segment at the source's end)
     * @param last    whether the source ends after it
     * @param output  where its output goes
     * @return the number of output bytes
     */
    abstract int transform(byte[] segment, int length, boolean last, byte[] output);

    /** Reads the next segment and {@link #transform}s it; false once the last one has been. */
    private boolean next() throws IOException {
        if (finished) {
            return false;
        }
        int length = source.readNBytes(segment, 0, segment.length);
        int ahead = source.read();
        finished = ahead == -1;
        if (!finished) {
            source.unread(ahead);
        }
        outputLength = transform(segment, length, finished, output);
        position = 0;
        return true;
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public final int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == outputLength) {
            if (!next()) {
                return -1;
            }
        }
        int count = Math.min(length, outputLength - position);
        System.arraycopy(output, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
