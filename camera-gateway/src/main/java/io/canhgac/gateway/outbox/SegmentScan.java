package io.canhgac.gateway.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.contract.CameraEvent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one segment at open: every whole record with its place, and where the whole records end. A
 * record that fails its length or CRC check ends the scan: at the tail of the last segment that is a
 * write torn by a crash (cut away), anywhere else damage (the rest of that segment is lost, said so).
 */
final class SegmentScan {

    /** A record's place in its segment: where its payload starts and how long it is. */
    record Found(long sequence, CameraEvent event, long payloadOffset, int length) {
    }

    /**
     * @param validEnd where the last whole record ends
     * @param damaged  bytes after {@code validEnd} that are not a whole record
     * @param unreadable records whose CRC held but whose JSON did not parse (skipped, counted)
     */
    record Result(List<Found> records, long validEnd, long damaged, int unreadable) {
    }

    private SegmentScan() {
    }

    static Result scan(Path file, long firstSequence, ObjectMapper json) throws IOException {
        ByteBuffer all;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + " is larger than any segment could be");
            }
            all = ByteBuffer.allocate((int) size);
            while (all.hasRemaining() && channel.read(all) >= 0) {
                // read it whole
            }
            all.flip();
        }
        List<Found> records = new ArrayList<>();
        long sequence = firstSequence;
        int unreadable = 0;
        while (all.remaining() >= JournalRecord.HEADER) {
            int start = all.position();
            int length = all.getInt();
            int crc = all.getInt();
            if (length <= 0 || length > JournalRecord.MAX_PAYLOAD || length > all.remaining()) {
                all.position(start);
                break;
            }
            byte[] payload = new byte[length];
            all.get(payload);
            if (JournalRecord.crc(payload) != crc) {
                all.position(start);
                break;
            }
            try {
                records.add(new Found(sequence, json.readValue(payload, CameraEvent.class), start + JournalRecord.HEADER, length));
            } catch (IOException | RuntimeException e) {
                unreadable++; // whole but not an event we can read: keep its sequence, skip it
            }
            sequence++;
        }
        return new Result(records, all.position(), all.limit() - all.position(), unreadable);
    }
}
