package dev.aiaas.cli.demo;

import dev.aiaas.proto.preprocess.v1.GetPreparedDatasetRequest;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PrepareRequest;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc.PreprocessServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waiting for preprocess: for it to prepare a sealed version with the default pipeline, as it
 * does on its own for every seal, or for it to take a Prepare of another pipeline, which it
 * answers NOT_FOUND until it has received the version's seal.
 */
public final class PreparedDatasets {

    private PreparedDatasets() {
    }

    /**
     * The prepared dataset once preprocess has written it; any answer but NOT_FOUND, or NOT_FOUND
     * after {@code timeout}, is thrown.
     */
    public static PreparedDataset await(PreprocessServiceBlockingStub preprocess, String dataset, long version,
            String pipeline, Duration timeout) throws InterruptedException {
        GetPreparedDatasetRequest request = GetPreparedDatasetRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(version).setPipeline(pipeline).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return preprocess.getPreparedDataset(request);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.NOT_FOUND || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * Prepares a version with {@code spec}, retrying while preprocess has not yet received the
     * version's seal (NOT_FOUND, for at most {@code timeout}); {@code waiting} runs once when
     * it first has to wait. Any other answer is thrown.
     */
    public static PreparedDataset prepare(PreprocessServiceBlockingStub preprocess, String dataset, long version,
            PipelineSpec spec, Duration timeout, Runnable waiting) throws InterruptedException {
        PrepareRequest request = PrepareRequest.newBuilder().setDataset(dataset).setDatasetVersion(version)
                .setPipeline(spec).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean said = false;
        while (true) {
            try {
                return preprocess.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).prepare(request);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.NOT_FOUND || System.nanoTime() > deadline) {
                    throw e;
                }
                if (!said) {
                    waiting.run();
                    said = true;
                }
                Thread.sleep(250);
            }
        }
    }
}
