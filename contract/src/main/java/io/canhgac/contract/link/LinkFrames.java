package io.canhgac.contract.link;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The control link's binary frames: live packets and snapshot pictures, which would grow by a third
 * as base64 in JSON. Every frame starts with a kind byte, then its header in network byte order, then
 * the payload up to the frame's end.
 * <pre>
 * LIVE_PACKET  kind(1) session(8) flags(1: bit 0 keyframe) dts(8) pts(8) payload: one access unit as the camera sent it
 * SNAPSHOT     kind(1) requestId(8) payload: a JPEG
 * </pre>
 * Times are in the stream's 90 kHz clock; {@link Long#MIN_VALUE} means unknown.
 */
public final class LinkFrames {

    public static final byte LIVE_PACKET = 1;
    public static final byte SNAPSHOT = 2;
    static final int LIVE_HEADER = 1 + 8 + 1 + 8 + 8;
    static final int SNAPSHOT_HEADER = 1 + 8;

    private LinkFrames() {
    }

    /** One packet of a live session. */
    public record LivePacket(long session, boolean keyframe, long dts, long pts, byte[] data) {

        @Override
        public boolean equals(Object o) {
            return o instanceof LivePacket p && p.session == session && p.keyframe == keyframe && p.dts == dts
                    && p.pts == pts && Arrays.equals(p.data, data);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(session) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "LivePacket[session=" + session + ", keyframe=" + keyframe + ", dts=" + dts + ", " + data.length + " bytes]";
        }
    }

    /** A snapshot answering request {@code requestId}. */
    public record SnapshotPicture(long requestId, byte[] jpeg) {
    }

    public static ByteBuffer livePacket(long session, boolean keyframe, long dts, long pts, byte[] data, int offset, int length) {
        ByteBuffer frame = ByteBuffer.allocate(LIVE_HEADER + length);
        frame.put(LIVE_PACKET).putLong(session).put((byte) (keyframe ? 1 : 0)).putLong(dts).putLong(pts).put(data, offset, length);
        return frame.flip();
    }

    public static ByteBuffer snapshot(long requestId, byte[] jpeg) {
        ByteBuffer frame = ByteBuffer.allocate(SNAPSHOT_HEADER + jpeg.length);
        frame.put(SNAPSHOT).putLong(requestId).put(jpeg);
        return frame.flip();
    }

    /** The kind of a whole binary frame, without consuming it. */
    public static byte kind(ByteBuffer frame) {
        if (!frame.hasRemaining()) {
            throw new IllegalArgumentException("an empty binary frame");
        }
        return frame.get(frame.position());
    }

    /** @throws IllegalArgumentException not a live packet, or too short for its header */
    public static LivePacket readLivePacket(ByteBuffer frame) {
        ByteBuffer f = frame.duplicate();
        try {
            expect(f, LIVE_PACKET);
            long session = f.getLong();
            boolean keyframe = (f.get() & 1) != 0;
            long dts = f.getLong();
            long pts = f.getLong();
            byte[] data = new byte[f.remaining()];
            f.get(data);
            return new LivePacket(session, keyframe, dts, pts, data);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("a live packet frame shorter than its " + LIVE_HEADER + "-byte header");
        }
    }

    /** @throws IllegalArgumentException not a snapshot, or too short for its header */
    public static SnapshotPicture readSnapshot(ByteBuffer frame) {
        ByteBuffer f = frame.duplicate();
        try {
            expect(f, SNAPSHOT);
            long id = f.getLong();
            byte[] jpeg = new byte[f.remaining()];
            f.get(jpeg);
            return new SnapshotPicture(id, jpeg);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("a snapshot frame shorter than its " + SNAPSHOT_HEADER + "-byte header");
        }
    }

    private static void expect(ByteBuffer f, byte kind) {
        byte actual = f.get();
        if (actual != kind) {
            throw new IllegalArgumentException("binary frame of kind " + actual + ", expected " + kind);
        }
    }
}
