package dev.aiaas.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the registry service ({@code registry.*}). */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    /** Most entries one List call returns (models, versions, history). */
    @WithDefault("1000")
    int listLimit();

    /** Version of the platform recorded in lineage when a client leaves it empty. */
    @WithDefault("${quarkus.application.version:dev}")
    String codeVersion();
}
