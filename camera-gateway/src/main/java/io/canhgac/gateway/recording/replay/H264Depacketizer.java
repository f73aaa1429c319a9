package io.canhgac.gateway.recording.replay;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reassembles H.264 pictures from RTP (RFC 6184, packetization mode 1): single NAL unit packets,
 * STAP-A aggregates and FU-A fragments. A picture ends at the marker bit or when the RTP timestamp
 * changes. A lost packet (a gap in sequence numbers) drops the picture it belonged to.
 */
final class H264Depacketizer {

    static final int STAP_A = 24;
    static final int FU_A = 28;
    private static final int IDR = 5;

    /** A picture's NAL units and the RTP timestamp they share. */
    record Unit(long timestamp, List<byte[]> nals, boolean keyframe) {
    }

    private final List<byte[]> nals = new ArrayList<>();
    private ByteArrayOutputStream fragment;
    private long timestamp = -1;
    private int expectedSequence = -1;
    private boolean damaged;

    /** Feeds one packet; the pictures it completes: the previous one if its marker was lost, and its own. */
    List<Unit> accept(RtpPacket packet) {
        List<Unit> done = new ArrayList<>(1);
        if (timestamp >= 0 && packet.timestamp() != timestamp) {
            finish().ifPresent(done::add);
        }
        if (expectedSequence >= 0 && packet.sequence() != expectedSequence) {
            damaged = true;
            fragment = null;
        }
        expectedSequence = (packet.sequence() + 1) & 0xFFFF;
        timestamp = packet.timestamp();
        payload(packet.payload());
        if (packet.marker()) {
            finish().ifPresent(done::add);
        }
        return done;
    }

    private void payload(byte[] p) {
        if (p.length == 0) {
            return;
        }
        int type = p[0] & 0x1F;
        if (type == STAP_A) {
            int at = 1;
            while (at + 2 <= p.length) {
                int size = ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
                at += 2;
                if (size == 0 || at + size > p.length) {
                    damaged = true;
                    return;
                }
                nals.add(java.util.Arrays.copyOfRange(p, at, at + size));
                at += size;
            }
        } else if (type == FU_A) {
            if (p.length < 2) {
                damaged = true;
                return;
            }
            boolean start = (p[1] & 0x80) != 0;
            boolean end = (p[1] & 0x40) != 0;
            if (start) {
                fragment = new ByteArrayOutputStream(p.length * 8);
                fragment.write((p[0] & 0xE0) | (p[1] & 0x1F)); // the NAL header the fragments came from
            } else if (fragment == null) {
                damaged = true; // its start was lost
                return;
            }
            fragment.write(p, 2, p.length - 2);
            if (end) {
                nals.add(fragment.toByteArray());
                fragment = null;
            }
        } else if (type >= 1 && type <= 23) {
            nals.add(p.clone());
        }
    }

    private Optional<Unit> finish() {
        List<byte[]> picture = List.copyOf(nals);
        boolean whole = !damaged && fragment == null && !picture.isEmpty();
        nals.clear();
        fragment = null;
        damaged = false;
        long t = timestamp;
        timestamp = -1;
        if (!whole) {
            return Optional.empty();
        }
        boolean keyframe = picture.stream().anyMatch(n -> (n[0] & 0x1F) == IDR);
        return Optional.of(new Unit(t, picture, keyframe));
    }
}
