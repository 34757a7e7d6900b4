package dev.aiaas.cli.demo;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream made one line at a time, as it is read: a subclass gives the next line's bytes
 * (with its line break) and this serves them, so the whole text never sits in memory.
 */
abstract class LineStream extends InputStream {

    private byte[] pending = new byte[0];
    private int position;

    /** The next line's bytes, line break included; null when there are no more. */
    protected abstract byte[] nextLine() throws IOException;

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return pending[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < length && fill()) {
            int n = Math.min(length - copied, pending.length - position);
            System.arraycopy(pending, position, buffer, offset + copied, n);
            position += n;
            copied += n;
        }
        return copied == 0 ? -1 : copied;
    }

    /** Whether bytes are left to read, taking the next line when the last is used up. */
    private boolean fill() throws IOException {
        while (position == pending.length) {
            byte[] line = nextLine();
            if (line == null) {
                return false;
            }
            pending = line;
            position = 0;
        }
        return true;
    }
}
