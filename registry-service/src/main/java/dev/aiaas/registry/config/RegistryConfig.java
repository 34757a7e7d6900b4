package dev.aiaas.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Settings of the registry service ({@code registry.*}). */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    /** Most entries one List call returns (models, versions, history). */
    @WithDefault("1000")
    int listLimit();

    /** Version of the platform recorded in lineage when a client leaves it empty. */
    @WithDefault("${quarkus.application.version:dev}")
    String codeVersion();

    /** Model files made elsewhere and uploaded (UploadModelVersion). */
    Upload upload();

    interface Upload {

        /** Largest model file the registry takes, in bytes (2 GiB); a header announcing more is refused. */
        @WithDefault("2147483648")
        long maxBytes();

        /**
         * Most uploads one registry process receives at a time; one more is refused with
         * RESOURCE_EXHAUSTED (each holds a spool file and a worker thread until it ends).
         */
        @WithDefault("4")
        int maxConcurrent();

        /**
         * Where an upload's bytes wait on disk until they are verified and stored; the system's
         * temporary directory when not set. Needs room for {@code max-concurrent} files of
         * {@code max-bytes}.
         */
        Optional<Path> spoolDirectory();
    }
}
