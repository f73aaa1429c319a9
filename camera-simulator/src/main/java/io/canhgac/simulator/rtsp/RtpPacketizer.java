package io.canhgac.simulator.rtsp;

import io.canhgac.simulator.scene.AccessUnit;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.ArrayList;
import java.util.List;

/** Packs an H.264 picture into RTP packets (RFC 6184): single NAL unit packets, FU-A for large NALs. */
final class RtpPacketizer {

    static final int PAYLOAD_TYPE = 96;
    static final int MAX_PAYLOAD = 1400;
    private static final int FU_A = 28;

    private final int ssrc;
    private int sequence;
    private ReplayExtension replay;

    RtpPacketizer(int ssrc, int firstSequence) {
        this.ssrc = ssrc;
        this.sequence = firstSequence & 0xFFFF;
    }

    int ssrc() {
        return ssrc;
    }

    int nextSequence() {
        return sequence;
    }

    /** RTP packets for one picture; the marker bit is set on the last. The caller owns the buffers. */
    List<ByteBuf> packetize(AccessUnit unit, long rtpTimestamp, ByteBufAllocator alloc) {
        return packetize(unit, rtpTimestamp, alloc, null);
    }

    /** As {@link #packetize(AccessUnit, long, ByteBufAllocator)}, each packet carrying ONVIF's replay extension when {@code replay} is given. */
    List<ByteBuf> packetize(AccessUnit unit, long rtpTimestamp, ByteBufAllocator alloc, ReplayExtension replay) {
        this.replay = replay;
        List<ByteBuf> packets = new ArrayList<>();
        List<byte[]> nals = unit.nals();
        for (int n = 0; n < nals.size(); n++) {
            byte[] nal = nals.get(n);
            boolean lastNal = n == nals.size() - 1;
            if (nal.length <= MAX_PAYLOAD) {
                ByteBuf p = header(alloc, nal.length, lastNal, rtpTimestamp);
                p.writeBytes(nal);
                packets.add(p);
                continue;
            }
            int offset = 1;
            byte indicator = (byte) ((nal[0] & 0xE0) | FU_A);
            int type = nal[0] & 0x1F;
            while (offset < nal.length) {
                int chunk = Math.min(MAX_PAYLOAD - 2, nal.length - offset);
                boolean first = offset == 1;
                boolean last = offset + chunk == nal.length;
                ByteBuf p = header(alloc, chunk + 2, lastNal && last, rtpTimestamp);
                p.writeByte(indicator);
                p.writeByte((first ? 0x80 : 0) | (last ? 0x40 : 0) | type);
                p.writeBytes(nal, offset, chunk);
                packets.add(p);
                offset += chunk;
            }
        }
        return packets;
    }

    private ByteBuf header(ByteBufAllocator alloc, int payload, boolean marker, long timestamp) {
        ByteBuf p = alloc.buffer(12 + ReplayExtension.BYTES + payload);
        p.writeByte(replay == null ? 0x80 : 0x90); // X: a header extension follows
        p.writeByte((marker ? 0x80 : 0) | PAYLOAD_TYPE);
        p.writeShort(sequence);
        p.writeInt((int) timestamp);
        p.writeInt(ssrc);
        if (replay != null) {
            replay.write(p);
        }
        sequence = (sequence + 1) & 0xFFFF;
        return p;
    }
}
