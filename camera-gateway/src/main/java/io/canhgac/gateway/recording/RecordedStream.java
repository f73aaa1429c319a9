package io.canhgac.gateway.recording;

import java.util.Locale;

/** Which of a camera's streams is recorded: main (full resolution) by default, sub where the disk is small. */
public enum RecordedStream {
    MAIN, SUB;

    /** Its name in settings and on the link ({@code RecordedSpan.stream}): main, sub. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordedStream fromWireName(String name) {
        for (RecordedStream s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("a recorded stream is main or sub, got " + name);
    }
}
