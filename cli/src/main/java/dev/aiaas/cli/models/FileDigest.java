package dev.aiaas.cli.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's SHA-256 (lower-case hex, as {@code sha256sum} prints it) and length, read once in
 * blocks, never whole: what an upload's header promises the registry, which checks the bytes it
 * receives against both.
 *
 * @param sha256    64 lower-case hex digits
 * @param sizeBytes the file's length
 */
record FileDigest(String sha256, long sizeBytes) {

    private static final int BLOCK = 1 << 16;

    static FileDigest of(Path file) throws IOException {
        MessageDigest digest = newSha256();
        byte[] block = new byte[BLOCK];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(block)) > 0; ) {
                digest.update(block, 0, read);
                size += read;
            }
        }
        return new FileDigest(HexFormat.of().formatHex(digest.digest()), size);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256, which every Java platform must have", e);
        }
    }
}
