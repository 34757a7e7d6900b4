package dev.aiaas.ingest.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.ColumnKind;
import dev.aiaas.ingest.model.ColumnSpec;
import dev.aiaas.ingest.model.DatasetSchema;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * Reads the gzip of fixed-size image records (the bundled digits' layout): each record is
 * {@code labelBytes} bytes of label (big-endian, unsigned) followed by the image's bytes,
 * as many as the dataset's single IMAGE_U8 column's shape holds. The label goes to the label
 * column, as a number (INT64) or its decimal text (STRING).
 *
 * <p>A file that is not gzip at all is refused before anything is stored; corruption later
 * in the file is reported as an unreadable record, and what came before it is kept.
 */
public final class ImageRecordReader implements FileRecordReader {

    private final RecordSink sink;
    private final ColumnSpec image;
    private final ColumnSpec label;
    private final int labelBytes;
    private final byte[] record;
    private final GzipDecoder gzip = new GzipDecoder(this::onBytes);
    private int filled;
    private long records;
    private boolean broken;

    /** @param labelBytes bytes of label before each image, 1 to 8 (0 means the default, 1) */
    public ImageRecordReader(DatasetSchema schema, int labelBytes, RecordSink sink) {
        this.sink = sink;
        this.labelBytes = labelBytes == 0 ? 1 : labelBytes;
        if (this.labelBytes < 1 || this.labelBytes > 8) {
            throw DomainException.invalid("label_bytes is " + labelBytes + ": use 1 to 8 (1 for the bundled digits)");
        }
        this.image = imageColumn(schema);
        this.label = labelColumn(schema);
        requireNoOtherMandatoryColumns(schema);
        this.record = new byte[this.labelBytes + image.imageBytes()];
    }

    @Override
    public void accept(byte[] chunk) {
        if (broken) {
            return;
        }
        try {
            gzip.accept(chunk);
        } catch (ZipException e) {
            corrupt(e);
        }
    }

    @Override
    public void finish() {
        if (broken) {
            return;
        }
        try {
            gzip.finish();
        } catch (ZipException e) {
            corrupt(e);
            return;
        }
        if (filled > 0) {
            sink.rejectUnreadable("the file ends inside record " + records + ": " + filled + " of " + record.length
                    + " bytes (is label_bytes right, and the image column's shape?)");
        }
    }

    private void onBytes(byte[] bytes, int offset, int length) {
        while (length > 0) {
            int n = Math.min(length, record.length - filled);
            System.arraycopy(bytes, offset, record, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == record.length) {
                emit();
                filled = 0;
            }
        }
    }

    private void emit() {
        long value = 0;
        for (int i = 0; i < labelBytes; i++) {
            value = value << 8 | (record[i] & 0xff);
        }
        Map<String, Object> raw = new HashMap<>();
        raw.put(label.name(), label.kind() == ColumnKind.INT64 ? (Object) value : Long.toUnsignedString(value));
        raw.put(image.name(), Arrays.copyOfRange(record, labelBytes, record.length));
        records++;
        sink.add(raw);
    }

    private void corrupt(ZipException e) {
        broken = true;
        if (records == 0 && filled == 0) {
            throw DomainException.invalid("the file cannot be read as IMAGE_RECORDS_GZ: " + e.getMessage());
        }
        sink.rejectUnreadable("after record " + records + " the file cannot be read: " + e.getMessage()
                + "; the rest of the file was skipped, the records before it were kept");
    }

    private static ColumnSpec imageColumn(DatasetSchema schema) {
        List<ColumnSpec> images = schema.columns().stream().filter(c -> c.kind() == ColumnKind.IMAGE_U8).toList();
        if (images.size() != 1) {
            throw DomainException.invalid("IMAGE_RECORDS_GZ needs a dataset with exactly one IMAGE_U8 column; this one has "
                    + images.size());
        }
        return images.get(0);
    }

    private static ColumnSpec labelColumn(DatasetSchema schema) {
        ColumnSpec label = schema.column(schema.labelColumn()).orElseThrow(() -> DomainException.invalid(
                "IMAGE_RECORDS_GZ needs a label column (INT64 or STRING) to put each record's label in"));
        if (label.kind() != ColumnKind.INT64 && label.kind() != ColumnKind.STRING) {
            throw DomainException.invalid("label column " + label.name() + " is " + label.kind()
                    + ": image record labels go to an INT64 or STRING column");
        }
        return label;
    }

    private static void requireNoOtherMandatoryColumns(DatasetSchema schema) {
        List<String> mandatory = schema.columns().stream()
                .filter(c -> c.kind() != ColumnKind.IMAGE_U8 && !c.name().equals(schema.labelColumn()) && !c.nullable())
                .map(ColumnSpec::name).toList();
        if (!mandatory.isEmpty()) {
            throw DomainException.invalid("image records carry only a label and an image, but columns " + mandatory
                    + " may not be missing: make them nullable or import another format");
        }
    }
}
