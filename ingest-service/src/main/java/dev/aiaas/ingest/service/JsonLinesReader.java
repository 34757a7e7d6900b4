package dev.aiaas.ingest.service;

import java.util.Map;

/**
 * Reads JSON lines: one JSON object per line, keys naming schema columns. A line that is not
 * a JSON object is refused with its line number and the rest go on; blank lines are skipped.
 */
public final class JsonLinesReader implements FileRecordReader {

    private final RecordSink sink;
    private final LineSplitter splitter = new LineSplitter(this::onLine);
    private long line;

    public JsonLinesReader(RecordSink sink) {
        this.sink = sink;
    }

    @Override
    public void accept(byte[] chunk) {
        splitter.accept(chunk);
    }

    @Override
    public void finish() {
        splitter.finish();
    }

    private void onLine(String text) {
        line++;
        if (text.isBlank()) {
            return;
        }
        Map<String, Object> record;
        try {
            record = JsonRecords.readObject(text);
        } catch (IllegalArgumentException e) {
            sink.rejectUnreadable("line " + line + " is " + e.getMessage());
            return;
        }
        sink.add(record);
    }
}
