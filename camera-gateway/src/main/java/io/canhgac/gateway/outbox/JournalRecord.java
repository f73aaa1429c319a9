package io.canhgac.gateway.outbox;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * One record of a journal segment: {@code [int length][int CRC32 of the payload][payload]}, big-endian.
 * The CRC tells a record torn by a crash or damaged on disk from a whole one.
 */
final class JournalRecord {

    static final int HEADER = 8;
    /** No event is near this; a larger length is damage, not an event. */
    static final int MAX_PAYLOAD = 1 << 20;

    private JournalRecord() {
    }

    static ByteBuffer encode(byte[] payload) {
        ByteBuffer record = ByteBuffer.allocate(HEADER + payload.length);
        record.putInt(payload.length).putInt(crc(payload)).put(payload);
        return record.flip();
    }

    static int crc(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return (int) crc.getValue();
    }
}
