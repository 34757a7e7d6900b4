package dev.aiaas.serving.protocol;

import dev.aiaas.serving.config.ServingConfig;

/**
 * Per-request admission limits, checked on shapes and sizes before any tensor memory is
 * reserved. The transport limits (gRPC's maximum inbound message, the REST body limit) sit
 * in front of them, in application.properties.
 */
public record RequestLimits(int maxRows, int maxElements, int maxBytes) {

    public static RequestLimits of(ServingConfig.Limits config) {
        return new RequestLimits(config.maxRowsPerRequest(), config.maxElementsPerRequest(),
                config.maxBytesPerRequest());
    }
}
