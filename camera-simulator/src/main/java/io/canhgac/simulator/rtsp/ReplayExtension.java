package io.canhgac.simulator.rtsp;

import io.netty.buffer.ByteBuf;

import java.time.Instant;

/**
 * ONVIF's replay header extension (Streaming spec, "RTP header extension"): profile 0xABAC, three
 * words: the picture's NTP time, then C (a clean point: the picture decodes alone), E (the last
 * picture before a discontinuity), D (the first after one), T (the last of the range), and the low
 * byte of the PLAY request's CSeq.
 */
record ReplayExtension(Instant time, boolean cleanPoint, boolean end, boolean discontinuity, boolean last, int cseq) {

    static final int PROFILE = 0xABAC;
    static final int BYTES = 16;
    /** Seconds from the NTP era (1900) to the Unix epoch. */
    static final long NTP_UNIX_OFFSET = 2_208_988_800L;

    void write(ByteBuf p) {
        p.writeShort(PROFILE);
        p.writeShort(3);
        p.writeInt((int) (time.getEpochSecond() + NTP_UNIX_OFFSET));
        p.writeInt((int) ((((long) time.getNano()) << 32) / 1_000_000_000L));
        p.writeByte((cleanPoint ? 0x80 : 0) | (end ? 0x40 : 0) | (discontinuity ? 0x20 : 0) | (last ? 0x10 : 0));
        p.writeByte(cseq & 0xFF);
        p.writeShort(0);
    }
}
