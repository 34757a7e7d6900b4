package dev.aiaas.ingest.mapping;

import com.google.protobuf.Timestamp;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.AutoSealLimits;
import dev.aiaas.ingest.model.ColumnKind;
import dev.aiaas.ingest.model.ColumnSpec;
import dev.aiaas.ingest.model.DatasetSchema;
import dev.aiaas.ingest.model.DatasetVersion;
import dev.aiaas.ingest.model.VersionPart;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.ingest.v1.AutoSeal;
import java.time.Instant;

/**
 * Schemas, auto-seal limits and dataset versions as proto messages: what the gRPC API answers
 * and what a version's manifest holds (the manifest is the {@code DatasetVersion} message itself).
 */
public final class DatasetMessages {

    /** Role of a version's part files in {@link ArtifactRef}. */
    public static final String PART_ROLE = "part";

    private DatasetMessages() {
    }

    public static DatasetSchema toDomain(Schema schema) {
        return new DatasetSchema(schema.getColumnsList().stream().map(DatasetMessages::toDomain).toList(),
                schema.getLabelColumn());
    }

    private static ColumnSpec toDomain(Column column) {
        if (column.getType() == ColumnType.COLUMN_TYPE_UNSPECIFIED || column.getType() == ColumnType.UNRECOGNIZED) {
            throw DomainException.invalid("column '" + column.getName() + "' has no type: use DOUBLE, INT64, STRING, BOOL or IMAGE_U8");
        }
        return new ColumnSpec(column.getName(), ColumnKind.valueOf(column.getType().name()), column.getNullable(),
                column.getShapeList().stream().mapToInt(Integer::intValue).toArray());
    }

    public static Schema toProto(DatasetSchema schema) {
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

    /** The limits as the client sent them (unset is {@link AutoSealLimits#OFF}); not yet validated. */
    public static AutoSealLimits toDomain(AutoSeal autoSeal) {
        return new AutoSealLimits(autoSeal.getMaxOpenRows(), autoSeal.getMaxAgeSeconds());
    }

    public static AutoSeal toProto(AutoSealLimits limits) {
        return AutoSeal.newBuilder().setMaxOpenRows(limits.maxOpenRows()).setMaxAgeSeconds(limits.maxAgeSeconds())
                .build();
    }

    /** The version as its manifest holds it: everything but the manifest's own digest. */
    public static dev.aiaas.proto.ingest.v1.DatasetVersion manifest(DatasetVersion version) {
        return dev.aiaas.proto.ingest.v1.DatasetVersion.newBuilder()
                .setDataset(version.dataset())
                .setVersion(version.version())
                .setRowCount(version.rowCount())
                .setSha256(version.sha256())
                .setManifestKey(version.manifestKey())
                .addAllParts(version.parts().stream().map(DatasetMessages::toProto).toList())
                .setSchema(toProto(version.schema()))
                .setCreatedAt(timestamp(version.createdAt()))
                .build();
    }

    /** The version as the API answers it, with the digest of its committed manifest. */
    public static dev.aiaas.proto.ingest.v1.DatasetVersion toProto(DatasetVersion version) {
        return manifest(version).toBuilder().setManifestSha256(version.manifestSha256()).build();
    }

    private static ArtifactRef toProto(VersionPart part) {
        return ArtifactRef.newBuilder().setRole(PART_ROLE).setKey(part.key()).setSha256(part.sha256())
                .setSizeBytes(part.sizeBytes()).build();
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
