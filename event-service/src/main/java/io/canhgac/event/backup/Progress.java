package io.canhgac.event.backup;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What the backup and restore commands print while they work: one line per step, and a running count
 * of files and bytes every few seconds (the IT officer should see a large media store moving).
 */
final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private String part = "";
    private long files;
    private long bytes;
    private long lastPrinted = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void step(String line) {
        out.println(line);
        out.flush();
    }

    void begin(String part) {
        this.part = part;
        files = 0;
        bytes = 0;
        lastPrinted = System.nanoTime();
    }

    void file(long size) {
        files++;
        bytes += size;
        long now = System.nanoTime();
        if (now - lastPrinted >= EVERY_NANOS) {
            lastPrinted = now;
            step("  " + part + ": " + files + " files, " + megabytes(bytes) + " so far");
        }
    }

    void end() {
        step("  " + part + ": " + files + " files, " + megabytes(bytes));
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
