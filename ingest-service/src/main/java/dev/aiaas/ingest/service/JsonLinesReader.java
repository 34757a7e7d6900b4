package dev.aiaas.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        JsonNode node;
        try {
            node = JsonRecords.parse(text);
        } catch (IllegalArgumentException e) {
            sink.rejectUnreadable("line " + line + " is " + e.getMessage());
            return;
        }
        if (node instanceof ObjectNode object) {
            sink.add(JsonRecords.toRaw(object));
        } else {
            sink.rejectUnreadable("line " + line + " is JSON but not an object: write {\"column\": value, ...}");
        }
    }
}
