package io.canhgac.gateway.recording.replay;

import java.time.Instant;
import java.util.Optional;

/**
 * ONVIF's replay extension of one RTP packet (profile 0xABAC): the picture's wall-clock time as
 * an NTP timestamp, C (a clean point), E (the last picture before a discontinuity), D (the first
 * after one), T (the last of the range) and the low byte of the PLAY request's CSeq.
 */
record ReplayMark(Instant time, boolean cleanPoint, boolean end, boolean discontinuity, boolean last, int cseq) {

    static final int PROFILE = 0xABAC;
    /** Seconds from the NTP era (1900) to the Unix epoch. */
    static final long NTP_UNIX_OFFSET = 2_208_988_800L;

    static Optional<ReplayMark> of(RtpPacket packet) {
        byte[] x = packet.extension();
        if (packet.extensionProfile() != PROFILE || x.length < 12) {
            return Optional.empty();
        }
        long seconds = u32(x, 0) - NTP_UNIX_OFFSET;
        long fraction = u32(x, 4);
        int flags = x[8] & 0xFF;
        return Optional.of(new ReplayMark(Instant.ofEpochSecond(seconds, (fraction * 1_000_000_000L) >>> 32),
                (flags & 0x80) != 0, (flags & 0x40) != 0, (flags & 0x20) != 0, (flags & 0x10) != 0, x[9] & 0xFF));
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
