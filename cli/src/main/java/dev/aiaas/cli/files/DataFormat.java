package dev.aiaas.cli.files;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.proto.ingest.v1.FileFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The kinds of data file the command line reads and imports, and how each is recognised by its name. */
public enum DataFormat {
    /** Comma-separated values with a header row. */
    CSV(FileFormat.CSV),
    /** One JSON object per line. */
    JSONL(FileFormat.JSONL),
    /** Gzip of fixed-size image records (label bytes, then the image's bytes), as the bundled digits. */
    IMAGE_RECORDS(FileFormat.IMAGE_RECORDS_GZ);

    private final FileFormat wire;

    DataFormat(FileFormat wire) {
        this.wire = wire;
    }

    public FileFormat wire() {
        return wire;
    }

    /**
     * By extension: {@code .csv}; {@code .jsonl}, {@code .ndjson}; each also gzipped ({@code .csv.gz},
     * {@code .jsonl.gz}, {@code .ndjson.gz}); any other {@code .gz} is image records.
     */
    public static Optional<DataFormat> byName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (gzippedText(file)) {
            name = name.substring(0, name.length() - ".gz".length());
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".gz")) {
            return Optional.of(IMAGE_RECORDS);
        }
        return Optional.empty();
    }

    /** Whether {@code file} is gzipped CSV or JSON lines, which the command line unzips as it uploads. */
    public static boolean gzippedText(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv.gz") || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson.gz");
    }

    /** The bytes {@code in} reads from {@code file}, unzipped when it is gzipped CSV or JSON lines. */
    public static InputStream unzipped(Path file, InputStream in) {
        if (!gzippedText(file)) {
            return in;
        }
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is named as gzip but is not: " + e.getMessage(), e);
        }
    }

    /** {@code given} when not null, else by extension; a usage error when neither says. */
    public static DataFormat of(Path file, DataFormat given) {
        if (given != null) {
            return given;
        }
        return byName(file).orElseThrow(() -> CommandFailure.usage("cannot tell the format of " + file
                + " from its name: pass --format csv, jsonl or image-records"));
    }

    /** For {@code --format}: csv, jsonl, image-records, in any case. */
    public static final class Converter implements ITypeConverter<DataFormat> {
        @Override
        public DataFormat convert(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not csv, jsonl or image-records");
            }
        }
    }
}
