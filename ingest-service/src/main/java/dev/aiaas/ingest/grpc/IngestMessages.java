package dev.aiaas.ingest.grpc;

import com.google.protobuf.Timestamp;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.ColumnKind;
import dev.aiaas.ingest.model.ColumnSpec;
import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.model.DatasetSchema;
import dev.aiaas.ingest.model.DatasetVersion;
import dev.aiaas.ingest.model.ImportFormat;
import dev.aiaas.ingest.model.IntakeSummary;
import dev.aiaas.ingest.model.VersionPart;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.RecordError;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import java.time.Instant;

/** Maps between ingest's wire messages and its domain types. */
final class IngestMessages {

    /** Role of a version's part files in {@link ArtifactRef}. */
    static final String PART_ROLE = "part";

    private IngestMessages() {
    }

    static DatasetSchema toDomain(Schema schema) {
        return new DatasetSchema(schema.getColumnsList().stream().map(IngestMessages::toDomain).toList(),
                schema.getLabelColumn());
    }

    private static ColumnSpec toDomain(Column column) {
        if (column.getType() == ColumnType.COLUMN_TYPE_UNSPECIFIED || column.getType() == ColumnType.UNRECOGNIZED) {
            throw DomainException.invalid("column '" + column.getName() + "' has no type: use DOUBLE, INT64, STRING, BOOL or IMAGE_U8");
        }
        return new ColumnSpec(column.getName(), ColumnKind.valueOf(column.getType().name()), column.getNullable(),
                column.getShapeList().stream().mapToInt(Integer::intValue).toArray());
    }

    static Schema toProto(DatasetSchema schema) {
        Schema.Builder proto = Schema.newBuilder().setLabelColumn(schema.labelColumn());
        for (ColumnSpec column : schema.columns()) {
            Column.Builder c = Column.newBuilder().setName(column.name()).setType(ColumnType.valueOf(column.kind().name()))
                    .setNullable(column.nullable());
            for (int dimension : column.shape()) {
                c.addShape(dimension);
            }
            proto.addColumns(c);
        }
        return proto.build();
    }

    static dev.aiaas.proto.ingest.v1.Dataset toProto(Dataset dataset) {
        return dev.aiaas.proto.ingest.v1.Dataset.newBuilder()
                .setName(dataset.name())
                .setDescription(dataset.description())
                .setSchema(toProto(dataset.schema()))
                .setOpenRows(dataset.openRows())
                .setLatestVersion(dataset.latestVersion())
                .setCreatedAt(timestamp(dataset.createdAt()))
                .build();
    }

    static dev.aiaas.proto.ingest.v1.DatasetVersion toProto(DatasetVersion version) {
        return dev.aiaas.proto.ingest.v1.DatasetVersion.newBuilder()
                .setDataset(version.dataset())
                .setVersion(version.version())
                .setRowCount(version.rowCount())
                .setSha256(version.sha256())
                .setManifestKey(version.manifestKey())
                .addAllParts(version.parts().stream().map(IngestMessages::toProto).toList())
                .setSchema(toProto(version.schema()))
                .setCreatedAt(timestamp(version.createdAt()))
                .build();
    }

    private static ArtifactRef toProto(VersionPart part) {
        return ArtifactRef.newBuilder().setRole(PART_ROLE).setKey(part.key()).setSha256(part.sha256())
                .setSizeBytes(part.sizeBytes()).build();
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

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
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
