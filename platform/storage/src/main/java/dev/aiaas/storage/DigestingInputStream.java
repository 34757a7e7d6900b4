package dev.aiaas.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes bytes through while counting them and feeding them to a SHA-256 digest. Unlike
 * {@link java.security.DigestInputStream}, skipped bytes are read and digested too, so the
 * digest always covers everything that went past.
 */
class DigestingInputStream extends FilterInputStream {

    private final MessageDigest digest = ArtifactDigest.newSha256();
    private long count;

    DigestingInputStream(InputStream source) {
        super(source);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b == -1) {
            atEnd();
        } else {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n == -1) {
            atEnd();
        } else if (n > 0) {
            digest.update(buffer, offset, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(discard, 0, (int) Math.min(discard.length, n - skipped));
            if (read == -1) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // Not supported: a reset would feed the same bytes to the digest twice.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported while digesting");
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    /**
     * Hex SHA-256 of everything read. Call once, after the last byte: it finishes the digest.
     */
    String sha256Hex() {
        return ArtifactDigest.hex(digest.digest());
    }

    /** Called when the source reports its end; subclasses verify here. */
    void atEnd() throws IOException {
    }
}
