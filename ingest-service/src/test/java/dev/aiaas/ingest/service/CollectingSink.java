package dev.aiaas.ingest.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keeps what a reader produced, in order. */
final class CollectingSink implements RecordSink {

    final List<Map<String, Object>> records = new ArrayList<>();
    final List<String> unreadable = new ArrayList<>();

    @Override
    public void add(Map<String, Object> raw) {
        records.add(raw);
    }

    @Override
    public void rejectUnreadable(String problem) {
        unreadable.add(problem);
    }

    /** Feeds {@code bytes} to {@code reader} in chunks of {@code chunkSize}, then finishes it. */
    static void feed(FileRecordReader reader, byte[] bytes, int chunkSize) {
        for (int offset = 0; offset < bytes.length; offset += chunkSize) {
            reader.accept(java.util.Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + chunkSize)));
        }
        reader.finish();
    }
}
