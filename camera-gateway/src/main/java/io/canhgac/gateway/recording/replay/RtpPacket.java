package io.canhgac.gateway.recording.replay;

import java.util.Arrays;

/**
 * One RTP packet (RFC 3550): the header fields a replay needs, its header extension (profile and
 * words) if it has one, and its payload.
 */
record RtpPacket(boolean marker, int payloadType, int sequence, long timestamp, int extensionProfile, byte[] extension,
                 byte[] payload) {

    static final int NO_EXTENSION = -1;

    static RtpPacket parse(byte[] p) {
        if (p.length < 12 || (p[0] & 0xC0) != 0x80) {
            throw new IllegalArgumentException("not an RTP version 2 packet");
        }
        int csrcs = p[0] & 0x0F;
        boolean padded = (p[0] & 0x20) != 0;
        int at = 12 + 4 * csrcs;
        int profile = NO_EXTENSION;
        byte[] extension = new byte[0];
        if ((p[0] & 0x10) != 0) {
            need(p, at + 4);
            profile = u16(p, at);
            int words = u16(p, at + 2);
            need(p, at + 4 + 4 * words);
            extension = Arrays.copyOfRange(p, at + 4, at + 4 + 4 * words);
            at += 4 + 4 * words;
        }
        int end = padded ? p.length - (p[p.length - 1] & 0xFF) : p.length;
        if (end < at) {
            throw new IllegalArgumentException("RTP padding longer than the packet");
        }
        long timestamp = ((long) u16(p, 4) << 16) | u16(p, 6);
        return new RtpPacket((p[1] & 0x80) != 0, p[1] & 0x7F, u16(p, 2), timestamp, profile, extension,
                Arrays.copyOfRange(p, at, end));
    }

    private static int u16(byte[] p, int at) {
        return ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
    }

    private static void need(byte[] p, int length) {
        if (p.length < length) {
            throw new IllegalArgumentException("RTP packet cut short");
        }
    }
}
