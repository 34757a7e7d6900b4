package dev.aiaas.ingest.service;

import dev.aiaas.errors.DomainException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts UTF-8 text arriving in chunks into lines ({@code \n} or {@code \r\n}), keeping only
 * the unfinished line between chunks. Splitting on the byte {@code \n} is safe in UTF-8: it
 * never occurs inside a multi-byte character.
 */
final class LineSplitter {

    /** Longest line accepted; a longer one means the file is not line-oriented text. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final Consumer<String> lines;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long lineNumber;

    LineSplitter(Consumer<String> lines) {
        this.lines = lines;
    }

    void accept(byte[] chunk) {
        int start = 0;
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] == '\n') {
                append(chunk, start, i - start);
                emit();
                start = i + 1;
            }
        }
        append(chunk, start, chunk.length - start);
    }

    /** Emits the last line if the file does not end with a line break. */
    void finish() {
        if (partial.size() > 0) {
            emit();
        }
    }

    private void append(byte[] chunk, int offset, int length) {
        if (partial.size() + length > MAX_LINE_BYTES) {
            throw DomainException.invalid("line " + (lineNumber + 1) + " is longer than " + MAX_LINE_BYTES
                    + " bytes: is the file really CSV or JSON lines?");
        }
        partial.write(chunk, offset, length);
    }

    private void emit() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        lineNumber++;
        lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
