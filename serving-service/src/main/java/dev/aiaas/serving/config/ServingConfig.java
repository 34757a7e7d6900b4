package dev.aiaas.serving.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the serving service ({@code serving.*}). */
@ConfigMapping(prefix = "serving")
public interface ServingConfig {

    /** Name the server reports in the Open Inference Protocol's server metadata. */
    @WithDefault("aiaas-serving")
    String serverName();

    /** Version the server reports in its metadata. */
    @WithDefault("${quarkus.application.version:dev}")
    String serverVersion();
}
