package io.canhgac.gateway.outbox;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.EventType;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A gateway stand-in for {@link JournalKillTest}: four cameras append to the journal in {@code args[0]}
 * as fast as they can and print each event that {@code append} returned, until the process is killed.
 */
public final class JournalAppender {

    private JournalAppender() {
    }

    public static void main(String[] args) throws Exception {
        EventJournal journal = EventJournal.open(Path.of(args[0]), JournalFixture.SMALL.withMaxBytes(256L << 20));
        PrintStream out = new PrintStream(System.out, false, "UTF-8");
        for (int t = 0; t < 4; t++) {
            String camera = "CAM-" + t;
            Thread thread = new Thread(() -> {
                for (long i = 0; ; i++) {
                    CameraEvent e = new CameraEvent(UUID.randomUUID(), camera, EventType.MOTION_START, Instant.now(), 0.1, null, "n=" + i);
                    long sequence = journal.append(e);
                    synchronized (out) {
                        out.println(sequence + " " + e.id() + " " + camera + " " + i);
                        out.flush();
                    }
                }
            });
            thread.start();
        }
        System.out.println("started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
