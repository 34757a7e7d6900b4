package dev.aiaas.storage;

import java.io.InputStream;
import java.util.Random;

/**
 * A reproducible stream of pseudo-random bytes: the same seed and length give the same bytes
 * however they are read, so a large object can be generated twice instead of held in memory.
 */
final class SeededBytes extends InputStream {

    private final Random random;
    private final byte[] block = new byte[64 * 1024];
    private long remaining;
    private int position = block.length;

    SeededBytes(long seed, long length) {
        this.random = new Random(seed);
        this.remaining = length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (remaining == 0) {
            return -1;
        }
        if (position == block.length) {
            random.nextBytes(block);
            position = 0;
        }
        int n = (int) Math.min(Math.min(length, block.length - position), remaining);
        System.arraycopy(block, position, buffer, offset, n);
        position += n;
        remaining -= n;
        return n;
    }
}
