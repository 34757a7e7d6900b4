package dev.aiaas.registry.grpc;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.StatusMapping;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.UploadModelVersionRequest;
import dev.aiaas.registry.service.ModelUpload;
import dev.aiaas.registry.service.ModelUploads;
import io.grpc.stub.StreamObserver;

/**
 * One UploadModelVersion stream: the header first, then the file's bytes, each chunk written to
 * the upload's spool before the next is asked for (gRPC's flow control keeps the rest with the
 * client). After the first failure the stream answers the error once, abandons the upload and
 * ignores what follows; a client that cancels or fails mid-stream leaves nothing behind.
 *
 * <p>Quarkus hands a blocking service's messages, completion and cancellation over one at a time,
 * in order, but not always on the same worker thread: the lock makes each see the last one's state.
 */
final class UploadModelVersionObserver implements StreamObserver<UploadModelVersionRequest> {

    private final ModelUploads uploads;
    private final String project;
    private final StreamObserver<ModelVersion> response;
    private ModelUpload upload;
    private boolean ended;

    UploadModelVersionObserver(ModelUploads uploads, String project, StreamObserver<ModelVersion> response) {
        this.uploads = uploads;
        this.project = project;
        this.response = response;
    }

    @Override
    public synchronized void onNext(UploadModelVersionRequest message) {
        if (ended) {
            return;
        }
        try {
            accept(message);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public synchronized void onError(Throwable t) {
        ended = true;
        abandon();
    }

    @Override
    public synchronized void onCompleted() {
        if (ended) {
            return;
        }
        try {
            if (upload == null) {
                throw DomainException.invalid("UploadModelVersion received no message: send the header, then the file's"
                        + " bytes");
            }
            ModelUpload finishing = upload;
            upload = null;
            ModelVersion version = RegistryMessages.toProto(finishing.finish());
            ended = true;
            response.onNext(version);
            response.onCompleted();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void accept(UploadModelVersionRequest message) {
        switch (message.getPartCase()) {
            case HEADER -> {
                if (upload != null) {
                    throw DomainException.invalid("UploadModelVersion got a second header: send the header once,"
                            + " then the file's bytes");
                }
                upload = uploads.begin(project, RegistryMessages.toDomain(message.getHeader()));
            }
            case CHUNK -> {
                if (upload == null) {
                    throw DomainException.invalid("the first message of UploadModelVersion must be the header (model"
                            + " name, format, signature, sha256, size_bytes), then the file's bytes");
                }
                upload.accept(message.getChunk().asReadOnlyByteBuffer());
            }
            case PART_NOT_SET -> throw DomainException.invalid("an UploadModelVersion message carries neither a header"
                    + " nor a chunk: send the header, then the file's bytes");
        }
    }

    private void fail(RuntimeException e) {
        ended = true;
        abandon();
        response.onError(StatusMapping.toStatus(e).asRuntimeException());
    }

    private void abandon() {
        if (upload != null) {
            upload.close();
            upload = null;
        }
    }
}
