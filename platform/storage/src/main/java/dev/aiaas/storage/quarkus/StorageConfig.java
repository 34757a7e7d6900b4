package dev.aiaas.storage.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where a service's artifact store is ({@code aiaas.storage.*}); defaults run the local stack. */
@ConfigMapping(prefix = "aiaas.storage")
public interface StorageConfig {

    /** S3 endpoint: MinIO in production, S3Proxy locally. */
    @WithDefault("http://127.0.0.1:19000")
    String endpoint();

    /** Access key; from the environment or a secret, never a default. */
    String accessKey();

    /** Secret key; from the environment or a secret, never a default. */
    String secretKey();

    /** The one bucket every artifact lives in. */
    @WithDefault("aiaas")
    String bucket();

    /** Region the S3 signatures name. */
    @WithDefault("us-east-1")
    String region();

    /** How objects are encrypted before they reach the store. */
    Encryption encryption();

    interface Encryption {

        /**
         * The key-encryption keys, {@code id:base64[,id:base64…]} of 32 random bytes each: the
         * first wraps new objects' data keys, the others only unwrap older ones (rotation). From
         * the environment or a secret, never a default.
         */
        String keys();
    }
}
