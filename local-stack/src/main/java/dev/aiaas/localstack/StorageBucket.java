package dev.aiaas.localstack;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;

/** Creates the suite's bucket on first start; later starts find it in S3Proxy's data. */
final class StorageBucket {

    private StorageBucket() {
    }

    static void ensure(String endpoint, String accessKey, String secretKey, String bucket) {
        MinioClient client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).build();
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (Exception e) {
            throw new StackStartException("cannot create bucket " + bucket + " on " + endpoint + ": " + e
                    + " (S3Proxy's output is in its data directory, s3/s3proxy.log)", e);
        }
    }
}
