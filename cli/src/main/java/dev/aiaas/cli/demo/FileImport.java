package dev.aiaas.cli.demo;

import com.google.protobuf.ByteString;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.ImportFileHeader;
import dev.aiaas.proto.ingest.v1.ImportFileRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceStub;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Streams a file to ingest's ImportFile in 64 KiB chunks and waits for the summary. */
public final class FileImport {

    private static final int CHUNK = 64 * 1024;

    private FileImport() {
    }

    public static UploadSummary send(IngestServiceStub ingest, String dataset, FileFormat format, Path file)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        try (InputStream in = Files.newInputStream(file)) {
            return send(ingest, dataset, format, in);
        }
    }

    public static UploadSummary send(IngestServiceStub ingest, String dataset, FileFormat format, InputStream in)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<UploadSummary> summary = new CompletableFuture<>();
        StreamObserver<ImportFileRequest> upload = ingest.importFile(new StreamObserver<>() {
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
        upload.onNext(ImportFileRequest.newBuilder()
                .setHeader(ImportFileHeader.newBuilder().setDataset(dataset).setFormat(format)).build());
        byte[] buffer = new byte[CHUNK];
        int read;
        while ((read = in.read(buffer)) > 0 && !summary.isDone()) {
            upload.onNext(ImportFileRequest.newBuilder().setData(ByteString.copyFrom(buffer, 0, read)).build());
        }
        upload.onCompleted();
        return summary.get(5, TimeUnit.MINUTES);
    }
}
