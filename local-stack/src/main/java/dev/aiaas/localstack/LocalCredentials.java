package dev.aiaas.localstack;

import dev.aiaas.storage.KeyEncryptionKeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The object store's credentials, the PostgreSQL password and the key-encryption key of one
 * local stack, generated at random on its first start and kept in {@code
 * <home>/credentials.properties}, readable by its owner only (mode 600). Nothing of the local
 * stack uses a built-in credential. A home made before the password or the key existed gets them
 * added on its next start.
 *
 * @param file        where they are kept
 * @param storageKeys the key-encryption keys of the object store, as {@code aiaas.storage.encryption.keys}
 *                    reads them
 */
record LocalCredentials(Path file, String s3AccessKey, String s3SecretKey, String postgresPassword,
        String storageKeys) {

    static final String FILE_NAME = "credentials.properties";
    private static final String ACCESS_KEY = "s3.access-key";
    private static final String SECRET_KEY = "s3.secret-key";
    private static final String POSTGRES_PASSWORD = "postgres.password";
    private static final String STORAGE_KEYS = "storage.encryption-keys";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COMMENT = "the local stack's object-store credentials, PostgreSQL password and "
            + "key-encryption key, generated on its first start";

    /** The stack's credentials: read from its home, or generated and written there on first use. */
    static LocalCredentials loadOrCreate(Path home) {
        Path file = home.resolve(FILE_NAME);
        try {
            Files.createDirectories(home);
            if (!Files.exists(file)) {
                create(file);
            }
            Properties stored = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                stored.load(in);
            }
            String accessKey = stored.getProperty(ACCESS_KEY, "");
            String secretKey = stored.getProperty(SECRET_KEY, "");
            if (accessKey.isBlank() || secretKey.isBlank()) {
                throw new StackStartException(file + " lacks " + ACCESS_KEY + " or " + SECRET_KEY
                        + ": delete it and start again to generate new ones (the object store keeps its data)");
            }
            boolean added = addIfMissing(stored, POSTGRES_PASSWORD, () -> random(24))
                    | addIfMissing(stored, STORAGE_KEYS, LocalCredentials::newStorageKey);
            if (added) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    stored.store(out, COMMENT);
                }
            }
            return new LocalCredentials(file, accessKey, secretKey, stored.getProperty(POSTGRES_PASSWORD),
                    stored.getProperty(STORAGE_KEYS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the stack's credentials in " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Properties generated = new Properties();
        generated.setProperty(ACCESS_KEY, "aiaas-" + random(9));
        generated.setProperty(SECRET_KEY, random(30));
        generated.setProperty(POSTGRES_PASSWORD, random(24));
        generated.setProperty(STORAGE_KEYS, newStorageKey());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return; // another launcher on the same home wrote them first
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            generated.store(out, COMMENT);
        }
    }

    private static boolean addIfMissing(Properties stored, String name, Supplier<String> generate) {
        if (!stored.getProperty(name, "").isBlank()) {
            return false;
        }
        stored.setProperty(name, generate.get());
        return true;
    }

    /** A key named for its day, so that a rotated one is told apart from it. */
    private static String newStorageKey() {
        return KeyEncryptionKeys.generate("local-" + LocalDate.now(ZoneOffset.UTC));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
