package dev.aiaas.preprocess.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.table.RecordTableBuilder;
import dev.aiaas.preprocess.model.SealedDataset;
import dev.aiaas.preprocess.model.SealedVersion;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.storage.ArtifactDigest;
import dev.aiaas.storage.ArtifactFormatException;
import dev.aiaas.storage.ArtifactIntegrityException;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ProtoJsonObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a sealed dataset version (the manifest, an {@code aiaas.ingest.v1.DatasetVersion} in
 * protobuf JSON, and its JSON-lines parts, each verified by its SHA-256) into a table, mapping
 * the schema's column types to table kinds.
 */
@ApplicationScoped
public class SealedDatasetReader {

    @Inject
    ArtifactStore store;

    @Inject
    ObjectMapper json;

    /**
     * Reads the version the committed seal names: its manifest checked against the seal's
     * digest, then every part against the manifest's digests, which must add up to the
     * version's digest.
     */
    public SealedDataset read(SealedVersion sealed) {
        try {
            return readVerified(sealed);
        } catch (ArtifactIntegrityException | ArtifactFormatException e) {
            throw corrupt(sealed, e.getMessage(), e);
        }
    }

    private SealedDataset readVerified(SealedVersion sealed) {
        DatasetVersion manifest = ProtoJsonObjects.read(store, sealed.manifestKey(), sealed.manifestSha256(),
                DatasetVersion.getDefaultInstance());
        check(sealed, manifest);
        List<ColumnSpec> specs = new ArrayList<>();
        Set<String> imageColumns = new HashSet<>();
        for (Column column : manifest.getSchema().getColumnsList()) {
            specs.add(toSpec(column));
            if (column.getType() == ColumnType.IMAGE_U8) {
                imageColumns.add(column.getName());
            }
        }
        String label = manifest.getSchema().getLabelColumn();
        RecordTableBuilder table = new RecordTableBuilder(specs, label.isEmpty() ? null : label);
        for (ArtifactRef part : manifest.getPartsList()) {
            readPart(part, imageColumns, table);
        }
        ColumnType labelType = manifest.getSchema().getColumnsList().stream().filter(c -> c.getName().equals(label))
                .map(Column::getType).findFirst().orElse(ColumnType.COLUMN_TYPE_UNSPECIFIED);
        return new SealedDataset(sealed.dataset(), sealed.version(), sealed.sha256(), table.build(), labelType);
    }

    private static void check(SealedVersion sealed, DatasetVersion manifest) {
        String digest = ArtifactDigest.sha256OfDigests(
                manifest.getPartsList().stream().map(ArtifactRef::getSha256).toList());
        if (!manifest.getDataset().equals(sealed.dataset()) || manifest.getVersion() != sealed.version()
                || !manifest.getSha256().equals(sealed.sha256()) || !digest.equals(sealed.sha256())) {
            throw corrupt(sealed, "its manifest describes " + manifest.getDataset() + " v" + manifest.getVersion()
                    + " with parts digesting to " + digest + ", not the committed " + sealed.sha256(), null);
        }
    }

    private static DomainException corrupt(SealedVersion sealed, String what, Throwable cause) {
        return DomainException.dataLoss("dataset " + sealed.dataset() + " v" + sealed.version()
                + " in the object store is not what its seal committed (" + what + "): restore the objects under "
                + sealed.manifestKey() + " or seal the records again", cause);
    }

    private void readPart(ArtifactRef part, Set<String> imageColumns, RecordTableBuilder table) {
        String key = part.getKey();
        try (var lines = new BufferedReader(new InputStreamReader(store.getVerified(key, part.getSha256()),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    table.add(record(json.readTree(line), imageColumns));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read dataset part " + key, e);
        }
    }

    private static Map<String, Object> record(JsonNode line, Set<String> imageColumns) {
        Map<String, Object> values = new HashMap<>();
        line.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            Object converted = value.isNull() ? null
                    : imageColumns.contains(field.getKey()) ? Base64.getDecoder().decode(value.asText())
                    : value.isNumber() ? (Object) value.asDouble()
                    : value.isBoolean() ? (Object) value.asBoolean()
                    : value.asText();
            values.put(field.getKey(), converted);
        });
        return values;
    }

    private static ColumnSpec toSpec(Column column) {
        return switch (column.getType()) {
            case DOUBLE, INT64, BOOL -> ColumnSpec.numeric(column.getName());
            case STRING -> ColumnSpec.categorical(column.getName());
            case IMAGE_U8 -> ColumnSpec.image(column.getName(),
                    column.getShapeList().stream().mapToInt(Integer::intValue).toArray());
            case COLUMN_TYPE_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalStateException(
                    "manifest names no known type for column " + column.getName());
        };
    }
}
