package dev.aiaas.ingest.model;

/** The type of a dataset column, as ingest validates it. */
public enum ColumnKind {
    DOUBLE,
    INT64,
    STRING,
    BOOL,
    /** Fixed-size image of unsigned bytes; its column carries the shape. */
    IMAGE_U8
}
