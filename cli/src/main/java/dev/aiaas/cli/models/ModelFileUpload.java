package dev.aiaas.cli.models;

import com.google.protobuf.ByteString;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceStub;
import dev.aiaas.proto.registry.v1.UploadHeader;
import dev.aiaas.proto.registry.v1.UploadModelVersionRequest;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One UploadModelVersion call: the header, then the file's bytes in chunks of {@value #CHUNK}
 * bytes, each read and sent only when the transport is ready for it (gRPC's flow control), so the
 * file is read as fast as the registry takes it and never held whole; then the registered version.
 * A failure on the way (the file cannot be read, the wait is interrupted) cancels the call, and the
 * registry keeps nothing of it.
 */
final class ModelFileUpload {

    /** Bytes per message; the registry takes up to 4 MiB. */
    static final int CHUNK = 1 << 20;
    /** How long the registry may take after the last byte to store the file and register the version. */
    private static final long ANSWER_MINUTES = 5;

    private ModelFileUpload() {
    }

    /**
     * Sends {@code header}, then every byte of {@code file}, and waits for the version registered.
     *
     * @throws io.grpc.StatusRuntimeException as the registry answered: INVALID_ARGUMENT for a header it
     *                                        refuses, DATA_LOSS when the bytes do not match its size or digest
     */
    static ModelVersion send(RegistryServiceStub registry, UploadHeader header, InputStream file)
            throws IOException, InterruptedException {
        CompletableFuture<ModelVersion> answer = new CompletableFuture<>();
        Object ready = new Object();
        StreamObserver<UploadModelVersionRequest> upload = registry.uploadModelVersion(new Answer(answer, ready));
        ClientCallStreamObserver<UploadModelVersionRequest> call =
                (ClientCallStreamObserver<UploadModelVersionRequest>) upload;
        try {
            upload.onNext(UploadModelVersionRequest.newBuilder().setHeader(header).build());
            byte[] buffer = new byte[CHUNK];
            while (awaitReady(call, ready, answer)) {
                int read = file.readNBytes(buffer, 0, CHUNK);
                if (read <= 0) {
                    upload.onCompleted();
                    break;
                }
                upload.onNext(UploadModelVersionRequest.newBuilder().setChunk(ByteString.copyFrom(buffer, 0, read))
                        .build());
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            upload.onError(e);
            throw e;
        }
        return await(answer, call, header.getModelName());
    }

    /**
     * Waits while the transport's buffer is full; false when the registry has already answered
     * (it refused the header, say), so that nothing more is sent.
     */
    private static boolean awaitReady(ClientCallStreamObserver<UploadModelVersionRequest> call, Object ready,
            CompletableFuture<ModelVersion> answer) throws InterruptedException {
        synchronized (ready) {
            while (!call.isReady() && !answer.isDone()) {
                ready.wait(100);
            }
        }
        return !answer.isDone();
    }

    private static ModelVersion await(CompletableFuture<ModelVersion> answer,
            ClientCallStreamObserver<UploadModelVersionRequest> call, String model) throws InterruptedException {
        try {
            return answer.get(ANSWER_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the upload failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            call.cancel("no answer within " + ANSWER_MINUTES + " minutes of the last byte", null);
            throw new CommandFailure(ExitCodes.ERROR, "the registry did not answer within " + ANSWER_MINUTES
                    + " minutes of the file's last byte: aiaas models show " + model
                    + " tells whether the version was registered");
        }
    }

    /** The registry's one answer, and the transport's "ready for more" that wakes the sender. */
    private record Answer(CompletableFuture<ModelVersion> version, Object ready)
            implements ClientResponseObserver<UploadModelVersionRequest, ModelVersion> {

        @Override
        public void beforeStart(ClientCallStreamObserver<UploadModelVersionRequest> call) {
            call.setOnReadyHandler(this::wake);
        }

        @Override
        public void onNext(ModelVersion value) {
            version.complete(value);
        }

        @Override
        public void onError(Throwable t) {
            version.completeExceptionally(t);
            wake();
        }

        @Override
        public void onCompleted() {
            version.completeExceptionally(new IllegalStateException("the registry ended the upload without "
                    + "naming the version it registered"));
            wake();
        }

        private void wake() {
            synchronized (ready) {
                ready.notifyAll();
            }
        }
    }
}
