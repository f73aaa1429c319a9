package io.canhgac.gateway.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.contract.CameraEvent;
import io.canhgac.gateway.publish.GatewayJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The gateway's outbox: every event waits on disk, in the order it happened, until the centre has
 * acknowledged it. Append-only segment files of {@link JournalRecord}s, named by their first sequence
 * number, and an acknowledgement cursor ({@link AckCursor}).
 * <p>
 * <b>Durability.</b> {@link #append} writes the record to the file before it returns, so a gateway
 * process that is killed (even by SIGKILL) loses nothing it appended: the operating system holds the
 * bytes. A flusher forces them to the disk at most {@link JournalSettings#fsyncInterval()} later
 * (group commit), so a power cut loses at most that last window; appends never wait for the disk.
 * <p>
 * <b>Bounds.</b> When the journal would pass {@link JournalSettings#maxBytes()} or leave less than
 * {@link JournalSettings#minFreeDisk()} free, its oldest segment is dropped: after a very long outage
 * the newest events are the ones an operations centre can still act on. Drops are counted and logged,
 * and shown in {@link #figures()} so the centre raises an alert.
 */
public final class EventJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventJournal.class);
    private static final String SUFFIX = ".journal";
    private static final long DISK_CHECK_NANOS = 1_000_000_000L;

    /** A pending event: one of the centre's yet to acknowledge. */
    public record Entry(long sequence, CameraEvent event) {
    }

    /** Where a pending record lies, so its event is read back from disk rather than held in the heap. */
    private record Slot(long sequence, UUID id, long segment, long offset, int length, Instant occurredAt) {
    }

    private final Path dir;
    private final JournalSettings settings;
    private final ObjectMapper json = GatewayJson.mapper();
    private final AckCursor cursor;
    /** Segment files by their first sequence. */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private final Map<Long, FileChannel> readers = new HashMap<>();
    private final ArrayDeque<Slot> pending = new ArrayDeque<>();
    private final Map<UUID, Long> pendingIds = new HashMap<>();
    private final Thread flusher;
    private FileChannel writer;
    private long writerSegment;
    private long writerSize;
    private long bytes;
    private long nextSequence;
    private long acknowledged;
    private long dropped;
    private long diskCheckedAt;
    private boolean diskLow;
    private boolean dirty;
    private boolean closed;

    private EventJournal(Path dir, JournalSettings settings) throws IOException {
        this.dir = dir;
        this.settings = settings;
        Files.createDirectories(dir);
        this.cursor = new AckCursor(dir.resolve("acknowledged"));
        this.acknowledged = cursor.read();
        recover();
        this.flusher = new Thread(this::flushLoop, "outbox-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** Opens (or creates) the journal in {@code dir}, recovering what a crash left. */
    public static EventJournal open(Path dir, JournalSettings settings) throws IOException {
        return new EventJournal(dir, settings);
    }

    private void recover() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).forEach(f -> segments.put(firstSequence(f), f));
        }
        long next = acknowledged + 1;
        for (Iterator<Map.Entry<Long, Path>> it = segments.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Path> segment = it.next();
            SegmentScan.Result scan = SegmentScan.scan(segment.getValue(), segment.getKey(), json);
            boolean last = !it.hasNext();
            if (scan.damaged() > 0) {
                if (last) {
                    log.warn("Outbox: the last write before a crash was torn ({} bytes at the end of {}); cut away",
                            scan.damaged(), segment.getValue().getFileName());
                    try (FileChannel channel = FileChannel.open(segment.getValue(), StandardOpenOption.WRITE)) {
                        channel.truncate(scan.validEnd());
                        channel.force(true);
                    }
                } else {
                    log.error("Outbox: {} is damaged after byte {}: {} bytes of events there are lost; later segments are kept",
                            segment.getValue().getFileName(), scan.validEnd(), scan.damaged());
                }
            }
            if (scan.unreadable() > 0) {
                log.error("Outbox: {} events in {} are whole but unreadable; skipped", scan.unreadable(), segment.getValue().getFileName());
            }
            for (SegmentScan.Found f : scan.records()) {
                if (f.sequence() > acknowledged) {
                    addPending(new Slot(f.sequence(), f.event().id(), segment.getKey(), f.payloadOffset(), f.length(),
                            f.event().occurredAt()));
                }
            }
            long records = scan.records().size() + scan.unreadable();
            next = Math.max(next, segment.getKey() + records);
            bytes += last ? scan.validEnd() : Files.size(segment.getValue());
        }
        nextSequence = next;
        deleteAcknowledgedSegments();
        if (!pending.isEmpty()) {
            log.info("Outbox: {} events wait for the centre since {}", pending.size(), pending.peekFirst().occurredAt());
        }
    }

    /** Writes the event; when this returns, a killed process no longer loses it. @return its sequence */
    public synchronized long append(CameraEvent event) {
        if (closed) {
            throw new IllegalStateException("outbox closed; event " + event.id() + " not kept");
        }
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " cannot be written as JSON", e);
        }
        ByteBuffer record = JournalRecord.encode(payload);
        try {
            makeRoom(record.remaining());
            if (writer == null || writerSize + record.remaining() > settings.segmentBytes()) {
                roll();
            }
            long offset = writerSize;
            while (record.hasRemaining()) {
                writerSize += writer.write(record);
            }
            bytes += JournalRecord.HEADER + payload.length;
            dirty = true;
            long sequence = nextSequence++;
            addPending(new Slot(sequence, event.id(), writerSegment, offset + JournalRecord.HEADER, payload.length, event.occurredAt()));
            notifyAll();
            return sequence;
        } catch (IOException e) {
            throw new UncheckedIOException("outbox: cannot write event " + event.id() + " to " + dir, e);
        }
    }

    /** The oldest pending events, in order; waits up to {@code waitMillis} for one when none is pending. */
    public synchronized List<Entry> peek(int max, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (pending.isEmpty() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return peek(max);
    }

    public synchronized List<Entry> peek(int max) {
        List<Entry> out = new ArrayList<>(Math.min(max, pending.size()));
        for (Slot slot : pending) {
            if (out.size() == max) {
                break;
            }
            out.add(new Entry(slot.sequence(), read(slot)));
        }
        return out;
    }

    /** The centre has every event up to {@code sequence}: their records may go. */
    public synchronized void acknowledge(long sequence) {
        if (sequence >= nextSequence) {
            throw new IllegalArgumentException("sequence " + sequence + " was never appended (the last is " + (nextSequence - 1) + ")");
        }
        if (sequence <= acknowledged) {
            return;
        }
        while (!pending.isEmpty() && pending.peekFirst().sequence() <= sequence) {
            pendingIds.remove(pending.pollFirst().id());
        }
        acknowledged = sequence;
        try {
            cursor.write(sequence);
            deleteAcknowledgedSegments();
        } catch (IOException e) {
            // the events are at the centre: a cursor not written means some are sent again (idempotent), nothing lost
            log.warn("Outbox: acknowledgement of {} not recorded on disk: {}", sequence, e.toString());
        }
    }

    /** The event is in the outbox and the centre has not acknowledged it yet. */
    public synchronized boolean isPending(UUID eventId) {
        return pendingIds.containsKey(eventId);
    }

    public synchronized long pendingCount() {
        return pending.size();
    }

    public synchronized JournalFigures figures() {
        Slot oldest = pending.peekFirst();
        boolean alarm = bytes > settings.maxBytes() * settings.alarmFraction() || dropped > 0 || diskLow;
        return new JournalFigures(pending.size(), bytes, oldest == null ? null : oldest.occurredAt(), dropped, alarm,
                nextSequence - 1);
    }

    private void addPending(Slot slot) {
        pending.addLast(slot);
        pendingIds.put(slot.id(), slot.sequence());
    }

    private CameraEvent read(Slot slot) {
        try {
            FileChannel channel = readers.get(slot.segment());
            if (channel == null) {
                channel = FileChannel.open(segments.get(slot.segment()), StandardOpenOption.READ);
                readers.put(slot.segment(), channel);
            }
            ByteBuffer payload = ByteBuffer.allocate(slot.length());
            long at = slot.offset();
            while (payload.hasRemaining()) {
                int n = channel.read(payload, at + payload.position());
                if (n < 0) {
                    throw new IOException("segment ends inside the record of sequence " + slot.sequence());
                }
            }
            return json.readValue(payload.array(), CameraEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox: cannot read back event " + slot.id(), e);
        }
    }

    /** Drops the oldest segments until the record fits under the size bound and the free-disk floor. */
    private void makeRoom(int recordBytes) throws IOException {
        checkDisk();
        while ((bytes + recordBytes > settings.maxBytes() || diskLow) && segments.size() > 1) {
            dropOldest();
            diskLow = false; // measured again on the next check
        }
    }

    private void checkDisk() throws IOException {
        long now = System.nanoTime();
        if (now - diskCheckedAt > DISK_CHECK_NANOS) {
            diskCheckedAt = now;
            diskLow = Files.getFileStore(dir).getUsableSpace() < settings.minFreeDisk();
        }
    }

    private void dropOldest() throws IOException {
        long first = segments.firstKey();
        long lost = 0;
        Instant from = null;
        Instant to = null;
        while (!pending.isEmpty() && pending.peekFirst().segment() == first) {
            Slot slot = pending.pollFirst();
            pendingIds.remove(slot.id());
            from = from == null ? slot.occurredAt() : from;
            to = slot.occurredAt();
            lost++;
        }
        dropped += lost;
        removeSegment(first);
        log.error("Outbox full ({} of {} bytes, or the disk nearly full): dropped {} unsent events from {} to {}",
                bytes, settings.maxBytes(), lost, from, to);
    }

    private void roll() throws IOException {
        if (writer != null) {
            writer.force(false);
            writer.close();
        }
        writerSegment = nextSequence;
        Path file = dir.resolve(String.format("%020d%s", writerSegment, SUFFIX));
        writer = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        writerSize = writer.size();
        segments.put(writerSegment, file);
    }

    /** Whole segments the centre has every event of, except the one being written. */
    private void deleteAcknowledgedSegments() throws IOException {
        while (segments.size() > 1 || (segments.size() == 1 && writer == null)) {
            long first = segments.firstKey();
            Long following = segments.higherKey(first);
            long last = following == null ? nextSequence - 1 : following - 1;
            if (last > acknowledged || first == writerSegment && writer != null) {
                return;
            }
            removeSegment(first);
        }
    }

    private void removeSegment(long first) throws IOException {
        Path file = segments.remove(first);
        FileChannel reader = readers.remove(first);
        if (reader != null) {
            reader.close();
        }
        bytes -= Files.size(file);
        Files.deleteIfExists(file);
    }

    private static long firstSequence(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("not an outbox segment name: " + name);
        }
    }

    private void flushLoop() {
        long interval = settings.fsyncInterval().toMillis();
        while (true) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            FileChannel toForce;
            synchronized (this) {
                if (closed) {
                    return;
                }
                toForce = dirty ? writer : null;
                dirty = false;
            }
            if (toForce != null) {
                try {
                    toForce.force(false);
                } catch (ClosedChannelException e) {
                    // rolled meanwhile: the roll forced it
                } catch (IOException e) {
                    log.warn("Outbox: forcing events to disk failed: {}", e.toString());
                }
            }
        }
    }

    /** Forces what was appended to the disk now (the flusher does so within its interval anyway). */
    public void flush() throws IOException {
        FileChannel toForce;
        synchronized (this) {
            toForce = writer;
            dirty = false;
        }
        if (toForce != null) {
            toForce.force(false);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        notifyAll();
        flusher.interrupt();
        try {
            if (writer != null) {
                writer.force(false);
                writer.close();
            }
            for (FileChannel reader : readers.values()) {
                reader.close();
            }
        } catch (IOException e) {
            log.warn("Outbox: closing the journal failed: {}", e.toString());
        }
    }
}
