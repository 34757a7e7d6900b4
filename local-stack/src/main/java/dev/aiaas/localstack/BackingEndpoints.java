package dev.aiaas.localstack;

/**
 * Where the services find the servers they share: Kafka, PostgreSQL (database {@code aiaas},
 * one schema per service) and the S3 bucket.
 */
public record BackingEndpoints(
        String kafkaBootstrap,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        String s3Endpoint,
        String s3AccessKey,
        String s3SecretKey,
        String bucket) {
}
