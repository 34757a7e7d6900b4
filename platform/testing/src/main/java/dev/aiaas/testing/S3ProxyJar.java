package dev.aiaas.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Finds the S3Proxy jar-with-dependencies. The build of this module resolves it into the local
 * Maven repository (it must never be on a class path: its bundled Jackson clashes with the
 * application's), so that is where it is looked for unless a path is given explicitly.
 */
final class S3ProxyJar {

    /** System property with an explicit path to the S3Proxy jar-with-dependencies. */
    static final String JAR_PROPERTY = "aiaas.s3proxy.jar";

    private S3ProxyJar() {
    }

    /**
     * The jar named by {@value #JAR_PROPERTY}, or else the one in the local Maven repository
     * ({@code maven.repo.local}, or {@code ~/.m2/repository}).
     *
     * @throws ServerStartException naming the path tried when the jar is not there
     */
    static Path locate() {
        String explicit = System.getProperty(JAR_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path jar = Path.of(explicit).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new ServerStartException("S3Proxy jar not found at " + jar + " (from -D" + JAR_PROPERTY
                        + "): point it at s3proxy-" + version() + "-jar-with-dependencies.jar");
            }
            return jar;
        }
        Path jar = inLocalRepository();
        if (!Files.isRegularFile(jar)) {
            throw new ServerStartException("S3Proxy jar not found at " + jar + ": run ./mvnw -pl platform/testing"
                    + " install (it resolves the jar into the local Maven repository) or set -D" + JAR_PROPERTY
                    + "=<path to s3proxy-" + version() + "-jar-with-dependencies.jar>");
        }
        return jar;
    }

    static Path inLocalRepository() {
        String repo = System.getProperty("maven.repo.local");
        Path root = repo != null && !repo.isBlank()
                ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        String version = version();
        return root.resolve(Path.of("org", "gaul", "s3proxy", version,
                "s3proxy-" + version + "-jar-with-dependencies.jar")).toAbsolutePath();
    }

    /** The S3Proxy version pinned in the parent pom, filtered into a resource at build time. */
    static String version() {
        try (InputStream in = S3ProxyJar.class.getResourceAsStream("s3proxy.properties")) {
            if (in == null) {
                throw new IllegalStateException("s3proxy.properties missing from aiaas-testing");
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("s3proxy.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
