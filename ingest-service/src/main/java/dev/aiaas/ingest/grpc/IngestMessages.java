package dev.aiaas.ingest.grpc;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.mapping.DatasetMessages;
import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.model.ImportFormat;
import dev.aiaas.ingest.model.IntakeSummary;
import dev.aiaas.proto.common.v1.RecordError;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.UploadSummary;

/** Maps between ingest's wire messages and its domain types. */
final class IngestMessages {

    private IngestMessages() {
    }

    /** The dataset; {@code auto_seal} is unset when auto-sealing is off. */
    static dev.aiaas.proto.ingest.v1.Dataset toProto(Dataset dataset) {
        dev.aiaas.proto.ingest.v1.Dataset.Builder proto = dev.aiaas.proto.ingest.v1.Dataset.newBuilder()
                .setName(dataset.name())
                .setDescription(dataset.description())
                .setSchema(DatasetMessages.toProto(dataset.schema()))
                .setOpenRows(dataset.openRows())
                .setLatestVersion(dataset.latestVersion())
                .setCreatedAt(DatasetMessages.timestamp(dataset.createdAt()));
        if (dataset.autoSeal().enabled()) {
            proto.setAutoSeal(DatasetMessages.toProto(dataset.autoSeal()));
        }
        return proto.build();
    }

    static ImportFormat toDomain(FileFormat format) {
        return switch (format) {
            case CSV -> ImportFormat.CSV;
            case JSONL -> ImportFormat.JSONL;
            case IMAGE_RECORDS_GZ -> ImportFormat.IMAGE_RECORDS_GZ;
            case FILE_FORMAT_UNSPECIFIED, UNRECOGNIZED -> throw DomainException.invalid(
                    "the ImportFile header names no format: use CSV, JSONL or IMAGE_RECORDS_GZ");
        };
    }

    static UploadSummary toProto(IntakeSummary summary) {
        return UploadSummary.newBuilder()
                .setDataset(summary.dataset())
                .setAccepted(summary.accepted())
                .setRejected(summary.rejected())
                .addAllErrors(summary.issues().stream()
                        .map(i -> RecordError.newBuilder().setRow(i.row()).setReason(i.reason()).build()).toList())
                .setOpenRows(summary.openRows())
                .setAlreadyStored(summary.alreadyStored())
                .build();
    }
}
