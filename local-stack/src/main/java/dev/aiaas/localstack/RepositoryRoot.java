package dev.aiaas.localstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository the launcher belongs to, so that {@code java -cp local-stack.jar:lib/* dev.aiaas.localstack.Main} works
 * from any directory: the jar (or classes folder) is {@code <root>/local-stack/target/…}.
 */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** The root above this launcher's build output, or the working directory if it is not there. */
    static Path find() {
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <root>/local-stack/target/local-stack.jar or <root>/local-stack/target/classes
            Path candidate = location.getParent() == null ? null : location.getParent().getParent();
            if (candidate != null && candidate.getParent() != null
                    && Files.isRegularFile(candidate.getParent().resolve("pom.xml"))
                    && candidate.getFileName().toString().equals("local-stack")) {
                return candidate.getParent().toAbsolutePath().normalize();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    /**
     * Points the S3Proxy starter at the copy in {@code local-stack/target/s3proxy} (made by the
     * build), so that the launcher needs no local Maven repository at run time.
     */
    static void useBundledS3Proxy(Path root) {
        String property = "aiaas.s3proxy.jar";
        Path bundled = root.resolve(Path.of("local-stack", "target", "s3proxy", "s3proxy.jar"));
        if (System.getProperty(property) == null && Files.isRegularFile(bundled)) {
            System.setProperty(property, bundled.toString());
        }
    }
}
