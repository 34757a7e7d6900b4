package dev.aiaas.ingest.model;

/** The file formats ImportFile reads. */
public enum ImportFormat {
    /** Comma-separated values with a header row naming schema columns. */
    CSV,
    /** One JSON object per line, keys naming schema columns. */
    JSONL,
    /** Gzip of fixed-size records: the label's bytes, then the image's bytes. */
    IMAGE_RECORDS_GZ
}
