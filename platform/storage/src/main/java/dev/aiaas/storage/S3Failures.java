package dev.aiaas.storage;

import java.util.Set;

import io.minio.errors.ErrorResponseException;

/**
 * Turns MinIO SDK failures into the store's own exceptions, so that callers never see a raw
 * SDK type: a missing object becomes {@link ArtifactNotFoundException}; everything else an
 * {@link ArtifactStoreException} whose message names the operation, the key and the S3 error.
 */
final class S3Failures {

    private static final Set<String> MISSING_OBJECT_CODES = Set.of("NoSuchKey", "NoSuchObject", "NotFound");

    /** One call to the SDK, which declares a handful of checked exceptions. */
    @FunctionalInterface
    interface S3Call<T> {
        T call() throws Exception;
    }

    private S3Failures() {
    }

    /** Runs {@code call}, translating any failure about {@code key}. */
    static <T> T translating(String operation, String key, S3Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw translate(operation, key, e);
        }
    }

    static RuntimeException translate(String operation, String key, Exception failure) {
        if (failure instanceof ArtifactStoreException own) {
            return own;
        }
        if (isMissingObject(failure)) {
            return new ArtifactNotFoundException(key, failure);
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new ArtifactStoreException(key, "cannot " + operation + " " + key + ": " + describe(failure), failure);
    }

    static boolean isMissingObject(Exception failure) {
        return failure instanceof ErrorResponseException e && MISSING_OBJECT_CODES.contains(e.errorResponse().code());
    }

    private static String describe(Exception failure) {
        if (failure instanceof ErrorResponseException e) {
            String code = e.errorResponse().code();
            String hint = "NoSuchBucket".equals(code) ? " (call ensureBucket() first)" : "";
            return code + " " + e.errorResponse().message() + hint;
        }
        return failure.toString();
    }
}
