package dev.aiaas.ingest.service;

import java.util.Map;

/** Where a file reader puts what it read: records to validate, or lines it could not read. */
public interface RecordSink {

    /** The next record, column name to raw value (missing values absent or null). */
    void add(Map<String, Object> raw);

    /** The next record could not be read at all; {@code problem} says where and why. */
    void rejectUnreadable(String problem);
}
