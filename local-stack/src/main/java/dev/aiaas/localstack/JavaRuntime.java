package dev.aiaas.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * The Java the launcher runs on, which also runs every service JVM and S3Proxy, so that one
 * check of its version covers them all.
 */
final class JavaRuntime {

    /** Quarkus 3 and the services are compiled for Java 17. */
    static final int MINIMUM_FEATURE_VERSION = 17;

    private JavaRuntime() {
    }

    static Path executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * @throws StackStartException if this Java is older than {@value #MINIMUM_FEATURE_VERSION}
     */
    static void requireSupported() {
        int feature = Runtime.version().feature();
        if (feature < MINIMUM_FEATURE_VERSION) {
            throw new StackStartException("Java " + feature + " at " + System.getProperty("java.home")
                    + " is too old: the services need Java " + MINIMUM_FEATURE_VERSION
                    + " or newer; install one and put it first on PATH (or set JAVA_HOME)");
        }
    }

    /** Since Java 22 JNA and DJL's natives warn on every start unless native access is granted. */
    static List<String> quietNativeAccessOptions() {
        return Runtime.version().feature() >= 22 ? List.of("--enable-native-access=ALL-UNNAMED") : List.of();
    }
}
