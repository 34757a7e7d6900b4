package dev.aiaas.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys (KEKs) that wrap every object's data key: AES-256 keys, each with an id
 * recorded in the metadata of the objects it wraps. The first key wraps new objects; the others
 * only unwrap objects written before a rotation, so rotating means putting a new key first and
 * keeping the old ones until {@link ArtifactStore#rewrap(String)} has moved every object over.
 *
 * <p>Written as {@code id:base64[,id:base64…]} (ids of letters, digits, {@code . _ -}; keys of
 * exactly 32 bytes), e.g. {@code 2026-12:q83v…,2026-06:mZ1c…}. A key management service fits
 * behind the same two operations, {@link #wrap} and {@link #unwrap}. Thread-safe.
 */
public final class KeyEncryptionKeys {

    /** Bytes of every key, encryption and data keys alike (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String AES = "AES";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String active;

    private KeyEncryptionKeys(Map<String, SecretKey> keys) {
        this.keys = Map.copyOf(keys);
        this.active = keys.keySet().iterator().next();
    }

    /**
     * Reads {@code id:base64[,id:base64…]}, the first key active.
     *
     * @throws IllegalArgumentException saying what is wrong with which entry (never the key itself)
     */
    public static KeyEncryptionKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no key-encryption key: give at least one as id:base64 of "
                    + KEY_BYTES + " random bytes");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? trimmed : trimmed.substring(0, colon);
            if (colon < 0 || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key-encryption key entries are id:base64 with an id of letters, "
                        + "digits, '.', '_' or '-' (at most 64); one entry is not");
            }
            if (keys.put(id, new SecretKeySpec(decode(id, trimmed.substring(colon + 1)), AES)) != null) {
                throw new IllegalArgumentException("key-encryption key id " + id + " is given twice");
            }
        }
        return new KeyEncryptionKeys(keys);
    }

    /** A fresh random key under {@code id}, written as {@link #parse} reads it. */
    public static String generate(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a key id has letters, digits, '.', '_' or '-' only: " + id);
        }
        return id + ":" + Base64.getEncoder().encodeToString(randomBytes(KEY_BYTES));
    }

    /** The id of the key that wraps new objects. */
    public String activeId() {
        return active;
    }

    /** Every id, the active one first. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(keys.keySet());
        ids.remove(active);
        ids.add(0, active);
        return ids;
    }

    public boolean has(String id) {
        return keys.containsKey(id);
    }

    /**
     * Wraps a data key with the active key, bound to {@code context} (the object's key): a
     * wrapped key copied onto another object does not unwrap there.
     *
     * @return nonce and ciphertext, to be stored with the object
     */
    byte[] wrap(byte[] dataKey, String context) {
        byte[] nonce = randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(active), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(active, context));
            byte[] sealed = cipher.doFinal(dataKey);
            byte[] wrapped = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, wrapped, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, wrapped, NONCE_BYTES, sealed.length);
            return wrapped;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot run AES-GCM: " + e, e);
        }
    }

    /**
     * The data key that {@code id} wrapped for {@code context}.
     *
     * @throws GeneralSecurityException if it was not wrapped by that key for that context
     */
    byte[] unwrap(String id, byte[] wrapped, String context) throws GeneralSecurityException {
        SecretKey key = Objects.requireNonNull(keys.get(id), id);
        if (wrapped.length <= NONCE_BYTES) {
            throw new GeneralSecurityException("a wrapped data key is longer than its " + NONCE_BYTES + "-byte nonce");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_BYTES));
        cipher.updateAAD(aad(id, context));
        return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The ids only: key material never reaches a log. */
    @Override
    public String toString() {
        return "KeyEncryptionKeys" + ids();
    }

    private static byte[] aad(String id, String context) {
        return ("aiaas-data-key|" + id + "|" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String id, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key-encryption key " + id + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("key-encryption key " + id + " has " + key.length + " bytes; AES-256 needs "
                    + KEY_BYTES + " (e.g. openssl rand -base64 32)");
        }
        return key;
    }
}
