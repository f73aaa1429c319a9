package io.canhgac.gateway.outbox;

import io.canhgac.contract.CameraEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway process killed with SIGKILL while its cameras append: every event whose append returned
 * is in the journal when it is opened again, once, and each camera's events in their order.
 */
class JournalKillTest extends JournalFixture {

    @Test
    @Timeout(60)
    void nothingWhoseAppendReturnedIsLostToAKill() throws Exception {
        Process child = new ProcessBuilder(List.of(java(), "-cp", System.getProperty("java.class.path"),
                JournalAppender.class.getName(), dir.toString())).redirectErrorStream(false).start();
        List<String> reported = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long killAt = Long.MAX_VALUE;
            String line;
            boolean killed = false;
            while ((line = readLine(out, killed)) != null) {
                if (line.equals("started")) {
                    killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
                } else {
                    reported.add(line);
                }
                if (System.nanoTime() > killAt && !killed) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
                    killed = true;
                }
            }
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(reported).as("the child appended a good deal before it was killed").hasSizeGreaterThan(1000);

        try (EventJournal journal = open()) {
            List<EventJournal.Entry> back = journal.peek(Integer.MAX_VALUE);
            Map<UUID, CameraEvent> byId = new HashMap<>();
            back.forEach(e -> byId.put(e.event().id(), e.event()));
            assertThat(byId).as("each event once").hasSize(back.size());
            Map<String, Long> lastPerCamera = new HashMap<>();
            for (EventJournal.Entry e : back) {
                long n = Long.parseLong(e.event().detail().substring(2));
                Long before = lastPerCamera.put(e.event().cameraId(), n);
                assertThat(n).as("camera " + e.event().cameraId() + " in order").isEqualTo(before == null ? 0 : before + 1);
            }
            Set<UUID> missing = new HashSet<>();
            for (String line : reported) {
                String[] f = line.split(" ");
                UUID id = UUID.fromString(f[1]);
                CameraEvent found = byId.get(id);
                if (found == null) {
                    missing.add(id);
                } else {
                    assertThat(found.cameraId()).isEqualTo(f[2]);
                }
            }
            assertThat(missing).as("events the killed process had appended").isEmpty();
            System.out.printf("Journal kill: %d appends reported, %d events on disk after SIGKILL, 0 missing%n",
                    reported.size(), back.size());
        }
    }

    /** The next line, or null once the child was killed (destroying a process closes its pipes here). */
    private static String readLine(BufferedReader out, boolean killed) throws IOException {
        try {
            return out.readLine();
        } catch (IOException e) {
            if (!killed) {
                throw e;
            }
            return null;
        }
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
