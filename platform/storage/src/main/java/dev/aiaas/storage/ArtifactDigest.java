package dev.aiaas.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 as the artifact store writes it: 64 lower-case hex digits. */
public final class ArtifactDigest {

    /** User metadata key (header {@code x-amz-meta-sha256}) that holds an object's SHA-256. */
    public static final String METADATA_KEY = "sha256";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private ArtifactDigest() {
    }

    /** A fresh SHA-256 digest (every JVM has one). */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Lower-case hex of a finished digest. */
    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    public static String sha256Hex(byte[] content) {
        return hex(newSha256().digest(content));
    }

    /** Reads {@code in} to its end (without closing it) and returns the SHA-256 of what it read. */
    /**
     * The digest of several objects taken together: SHA-256 of their SHA-256 hex strings
     * concatenated in order (a sealed dataset version's digest over its parts).
     */
    public static String sha256OfDigests(List<String> sha256Hexes) {
        return sha256Hex(String.join("", sha256Hexes).getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256Hex(InputStream in) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return hex(digest.digest());
    }

    public static String sha256Hex(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256Hex(in);
        }
    }

    /**
     * The canonical (lower-case) form of a SHA-256 hex string.
     *
     * @throws IllegalArgumentException if it is not 64 hex digits
     */
    public static String normalize(String sha256Hex) {
        String lower = sha256Hex == null ? "" : sha256Hex.strip().toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(lower).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest (64 hex digits): " + sha256Hex);
        }
        return lower;
    }
}
