package dev.aiaas.cli.datasets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Follows a file while it is sent: bytes and rows (lines, less a CSV header) read so far and the
 * rate, on one line of standard error, rewritten in place on a terminal and printed every few
 * seconds otherwise. The file is read as fast as the service takes it (ingest for an import, the
 * registry for a model upload), so the rate is the service's.
 */
public final class ImportProgress {

    private static final long INTERACTIVE_EVERY_NANOS = 250_000_000L;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final boolean interactive;
    private final String file;
    private final boolean countsLines;
    private final long headerLines;
    private long started;
    private long bytes;
    private long lines;
    private long lastShown;

    /**
     * @param countsLines whether rows are lines (CSV, JSON lines), so rows can be counted as they go
     * @param headerLines lines that are not rows (a CSV header)
     */
    ImportProgress(PrintStream err, boolean interactive, String file, boolean countsLines, long headerLines) {
        this.err = err;
        this.interactive = interactive;
        this.file = file;
        this.countsLines = countsLines;
        this.headerLines = headerLines;
    }

    /** Progress in bytes and MiB/s only, for a file whose lines are not rows (a model, image records). */
    public static ImportProgress bytes(PrintStream err, boolean interactive, String file) {
        return new ImportProgress(err, interactive, file, false, 0);
    }

    /** {@code in}, counted; a new attempt of the upload starts counting again. */
    public InputStream follow(InputStream in) {
        started = System.nanoTime();
        bytes = 0;
        lines = 0;
        lastShown = started;
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    count(buffer, offset, read);
                }
                return read;
            }

            @Override
            public int read() throws IOException {
                int value = super.read();
                if (value >= 0) {
                    count(new byte[] {(byte) value}, 0, 1);
                }
                return value;
            }
        };
    }

    /** Ends the progress line with the totals. */
    public void done() {
        show(true);
    }

    /** Rows sent so far (lines less the header); -1 when rows are not lines. */
    long rows() {
        return countsLines ? Math.max(0, lines - headerLines) : -1;
    }

    private void count(byte[] buffer, int offset, int length) {
        bytes += length;
        for (int i = offset; i < offset + length; i++) {
            if (buffer[i] == '\n') {
                lines++;
            }
        }
        long now = System.nanoTime();
        if (now - lastShown >= (interactive ? INTERACTIVE_EVERY_NANOS : LOG_EVERY_NANOS)) {
            lastShown = now;
            show(false);
        }
    }

    private void show(boolean last) {
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        String rate = countsLines ? String.format(Locale.ROOT, "%,d rows (%,.0f rows/s)", rows(), rows() / seconds)
                : String.format(Locale.ROOT, "%,.1f MiB/s", bytes / seconds / (1 << 20));
        String line = String.format(Locale.ROOT, "%s %s: %,.1f MiB, %s in %.1f s", last ? "sent" : "sending", file,
                bytes / (double) (1 << 20), rate, seconds);
        if (interactive) {
            err.print("\r" + line + (last ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }
}
