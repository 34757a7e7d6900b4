package dev.aiaas.e2e;

import dev.aiaas.localstack.BackingEndpoints;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.messages.Item;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stack's bucket as someone holding only the object store's own credentials sees it: every
 * object's bytes and metadata, read without the services' key-encryption keys.
 */
final class RawBucket {

    /** One object as it lies in the bucket. */
    record RawObject(String key, Map<String, String> metadata, String bytes) {
    }

    private RawBucket() {
    }

    /** Every object of the stack's bucket, its bytes as ISO-8859-1 text (one char per byte). */
    static List<RawObject> read(BackingEndpoints endpoints) throws Exception {
        List<RawObject> objects = new ArrayList<>();
        try (MinioClient client = MinioClient.builder().endpoint(endpoints.s3Endpoint())
                .credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).build()) {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(endpoints.bucket())
                    .recursive(true).build())) {
                String key = result.get().objectName();
                Map<String, String> metadata = client.statObject(StatObjectArgs.builder().bucket(endpoints.bucket())
                        .object(key).build()).userMetadata();
                try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(endpoints.bucket()).object(key)
                        .build())) {
                    objects.add(new RawObject(key, metadata, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)));
                }
            }
        }
        return objects;
    }
}
