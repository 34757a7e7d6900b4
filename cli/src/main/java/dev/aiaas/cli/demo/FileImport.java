package dev.aiaas.cli.demo;

import com.google.protobuf.ByteString;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.ImportFileHeader;
import dev.aiaas.proto.ingest.v1.ImportFileRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceStub;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Streams a file to ingest's ImportFile in 64 KiB chunks and waits for the summary. A file is
 * sent with an upload id, so when the call fails on the way (the connection drops, ingest
 * restarts) it is sent again with the same id and ingest stores each row once.
 */
public final class FileImport {

    private static final int CHUNK = 64 * 1024;
    private static final int ATTEMPTS = 5;
    private static final Set<Status.Code> RETRIED = Set.of(Status.Code.UNAVAILABLE, Status.Code.CANCELLED,
            Status.Code.ABORTED, Status.Code.DEADLINE_EXCEEDED);

    private FileImport() {
    }

    /** Imports a file, retrying a failed call up to {@value #ATTEMPTS} times with one upload id. */
    public static UploadSummary send(IngestServiceStub ingest, String dataset, FileFormat format, Path file)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        return send(ingest, dataset, format, file, UnaryOperator.identity());
    }

    /**
     * Imports a file read through {@code reading} (a gzipped JSON lines file gunzipped, say),
     * retrying a failed call up to {@value #ATTEMPTS} times with one upload id.
     */
    public static UploadSummary send(IngestServiceStub ingest, String dataset, FileFormat format, Path file,
            UnaryOperator<InputStream> reading)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        ImportFileHeader header = ImportFileHeader.newBuilder().setDataset(dataset).setFormat(format)
                .setUploadId(UUID.randomUUID().toString()).build();
        return send(ingest, header, file, reading);
    }

    /**
     * Imports a file under {@code header} (which names the upload id every attempt reuses),
     * retrying a failed call up to {@value #ATTEMPTS} times; each attempt reads the file through
     * {@code reading} (to follow its progress).
     */
    public static UploadSummary send(IngestServiceStub ingest, ImportFileHeader header, Path file,
            UnaryOperator<InputStream> reading)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        for (int attempt = 1; ; attempt++) {
            try (InputStream in = reading.apply(Files.newInputStream(file))) {
                return send(ingest, header, in);
            } catch (ExecutionException e) {
                if (attempt >= ATTEMPTS || !(e.getCause() instanceof StatusRuntimeException failure)
                        || !RETRIED.contains(failure.getStatus().getCode())) {
                    throw e;
                }
                Thread.sleep(500L << attempt);
            }
        }
    }

    /** Sends one ImportFile call: the header, then the stream's bytes. */
    public static UploadSummary send(IngestServiceStub ingest, ImportFileHeader header, InputStream in)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<UploadSummary> summary = new CompletableFuture<>();
        Object ready = new Object();
        StreamObserver<ImportFileRequest> upload = ingest.importFile(new ClientResponseObserver<ImportFileRequest,
                UploadSummary>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<ImportFileRequest> call) {
                call.setOnReadyHandler(() -> {
                    synchronized (ready) {
                        ready.notifyAll();
                    }
                });
            }

            @Override
            public void onNext(UploadSummary value) {
                summary.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                summary.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                summary.complete(null);
            }
        });
        upload.onNext(ImportFileRequest.newBuilder().setHeader(header).build());
        byte[] buffer = new byte[CHUNK];
        int read;
        ClientCallStreamObserver<ImportFileRequest> call = (ClientCallStreamObserver<ImportFileRequest>) upload;
        while ((read = in.read(buffer)) > 0 && !summary.isDone()) {
            upload.onNext(ImportFileRequest.newBuilder().setData(ByteString.copyFrom(buffer, 0, read)).build());
            awaitReady(call, ready, summary);
        }
        upload.onCompleted();
        return summary.get(5, TimeUnit.MINUTES);
    }

    /**
     * Waits while the transport's buffer is full, so that a large file is read as fast as ingest
     * takes it (not into memory), and progress measured on the reading side is ingest's pace.
     */
    private static void awaitReady(ClientCallStreamObserver<ImportFileRequest> call, Object ready,
            CompletableFuture<UploadSummary> summary) throws InterruptedException {
        synchronized (ready) {
            while (!call.isReady() && !summary.isDone()) {
                ready.wait(100);
            }
        }
    }
}
