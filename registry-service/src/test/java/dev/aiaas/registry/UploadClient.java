package dev.aiaas.registry;

import com.google.protobuf.ByteString;
import dev.aiaas.proto.common.v1.Signature;
import dev.aiaas.proto.common.v1.TensorSpec;
import dev.aiaas.proto.registry.v1.ModelFormat;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceStub;
import dev.aiaas.proto.registry.v1.UploadHeader;
import dev.aiaas.proto.registry.v1.UploadModelVersionRequest;
import dev.aiaas.storage.ArtifactDigest;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Sends UploadModelVersion streams as a client does: the header, then the file in chunks. */
final class UploadClient {

    static final int CHUNK = 4 * 1024 * 1024;

    private final RegistryServiceStub stub;

    UploadClient(RegistryServiceStub stub) {
        this.stub = stub;
    }

    /** {@code size} random bytes standing in for a model file (the registry does not read them). */
    static byte[] file(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** A header describing {@code file} truthfully, with a two-tensor signature. */
    static UploadHeader.Builder header(String model, ModelFormat format, byte[] file) {
        return UploadHeader.newBuilder()
                .setModelName(model)
                .setFormat(format)
                .setSignature(Signature.newBuilder()
                        .addInputs(tensor("input", "FP32", -1, 4))
                        .addOutputs(tensor("probabilities", "FP32", -1, 3)))
                .setSha256(ArtifactDigest.sha256Hex(file))
                .setSizeBytes(file.length);
    }

    static TensorSpec tensor(String name, String datatype, long... shape) {
        TensorSpec.Builder tensor = TensorSpec.newBuilder().setName(name).setDatatype(datatype);
        for (long dimension : shape) {
            tensor.addShape(dimension);
        }
        return tensor.build();
    }

    static UploadModelVersionRequest headerMessage(UploadHeader.Builder header) {
        return UploadModelVersionRequest.newBuilder().setHeader(header).build();
    }

    static UploadModelVersionRequest chunkMessage(byte[] bytes, int from, int to) {
        return UploadModelVersionRequest.newBuilder().setChunk(ByteString.copyFrom(bytes, from, to - from)).build();
    }

    /** The header, then {@code file} in chunks of {@code chunkSize}. */
    static List<UploadModelVersionRequest> messages(UploadHeader.Builder header, byte[] file, int chunkSize) {
        List<UploadModelVersionRequest> messages = new ArrayList<>();
        messages.add(headerMessage(header));
        for (int from = 0; from < file.length; from += chunkSize) {
            messages.add(chunkMessage(file, from, Math.min(file.length, from + chunkSize)));
        }
        return messages;
    }

    /** Uploads {@code file} as {@code header} says, in full chunks. */
    ModelVersion upload(UploadHeader.Builder header, byte[] file) {
        return send(messages(header, file, CHUNK));
    }

    /**
     * Sends the messages, completes the stream and waits for the answer.
     *
     * @throws StatusRuntimeException the registry's refusal
     */
    ModelVersion send(List<UploadModelVersionRequest> messages) {
        OpenUpload open = open();
        for (UploadModelVersionRequest message : messages) {
            if (open.reply().isDone()) {
                break; // refused: the rest would go nowhere
            }
            open.requests.onNext(message);
        }
        open.requests.onCompleted();
        return open.answer();
    }

    /** A stream left open, for the test to feed, cancel or complete. */
    OpenUpload open() {
        CompletableFuture<ModelVersion> answer = new CompletableFuture<>();
        StreamObserver<UploadModelVersionRequest> requests = stub.uploadModelVersion(new StreamObserver<>() {
            @Override
            public void onNext(ModelVersion version) {
                answer.complete(version);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        return new OpenUpload(requests, answer);
    }

    record OpenUpload(StreamObserver<UploadModelVersionRequest> requests, CompletableFuture<ModelVersion> reply) {

        /** The registry's answer, or its refusal thrown. */
        ModelVersion answer() {
            try {
                return reply.get(2, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof StatusRuntimeException refused) {
                    throw refused;
                }
                throw new IllegalStateException(e.getCause());
            } catch (Exception e) {
                throw new IllegalStateException("no answer to the upload: " + e, e);
            }
        }

        /** Gives up mid-stream, as a client that fails or cancels does. */
        void cancel() {
            requests.onError(new IllegalStateException("the client gave up"));
        }
    }
}
