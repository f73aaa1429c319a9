package io.canhgac.gateway.recording.replay;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RTP as an ONVIF replay carries it, on bytes: the 0xABAC clock extension, and H.264 pictures from single NALs, STAP-A and FU-A. */
class RtpReplayPacketsTest {

    private int sequence = 100;

    /** An RTP packet; with {@code at}, ONVIF's replay extension dated so, with the given flag bits. */
    private byte[] packet(boolean marker, long timestamp, Instant at, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + (at == null ? 0 : 16) + payload.length);
        b.put((byte) (at == null ? 0x80 : 0x90)).put((byte) ((marker ? 0x80 : 0) | 96)).putShort((short) sequence++)
                .putInt((int) timestamp).putInt(0x1234);
        if (at != null) {
            b.putShort((short) 0xABAC).putShort((short) 3).putInt((int) (at.getEpochSecond() + ReplayMark.NTP_UNIX_OFFSET))
                    .putInt((int) ((((long) at.getNano()) << 32) / 1_000_000_000L)).put((byte) flags).put((byte) 7).putShort((short) 0);
        }
        return b.put(payload).array();
    }

    private static byte[] nal(int type, int length) {
        byte[] n = new byte[length];
        n[0] = (byte) (0x60 | type);
        for (int i = 1; i < length; i++) {
            n[i] = (byte) (i * 7);
        }
        return n;
    }

    @Test
    void theReplayExtensionGivesThePicturesWallClockAndItsFlags() {
        Instant at = Instant.parse("2026-12-07T02:10:03.250Z");
        RtpPacket p = RtpPacket.parse(packet(true, 9000, at, 0x80 | 0x20, nal(5, 10)));
        assertThat(p.marker()).isTrue();
        assertThat(p.timestamp()).isEqualTo(9000);
        assertThat(p.payload()).isEqualTo(nal(5, 10));
        ReplayMark mark = ReplayMark.of(p).orElseThrow();
        assertThat(Math.abs(mark.time().toEpochMilli() - at.toEpochMilli())).isLessThanOrEqualTo(1);
        assertThat(mark.cleanPoint()).isTrue();
        assertThat(mark.discontinuity()).isTrue();
        assertThat(mark.end()).isFalse();
        assertThat(mark.last()).isFalse();
        assertThat(mark.cseq()).isEqualTo(7);

        assertThat(ReplayMark.of(RtpPacket.parse(packet(true, 9000, null, 0, nal(1, 4))))).isEmpty();
    }

    @Test
    void aFragmentedKeyframeAndAnAggregateOfParameterSetsMakeOnePicture() {
        H264Depacketizer d = new H264Depacketizer();
        byte[] sps = nal(7, 12);
        byte[] pps = nal(8, 4);
        ByteArrayOutputStream stap = new ByteArrayOutputStream();
        stap.write(24);
        for (byte[] n : List.of(sps, pps)) {
            stap.write(n.length >> 8);
            stap.write(n.length);
            stap.writeBytes(n);
        }
        byte[] idr = nal(5, 3000);
        List<H264Depacketizer.Unit> out = new ArrayList<>();
        out.addAll(d.accept(RtpPacket.parse(packet(false, 0, null, 0, stap.toByteArray()))));
        for (int offset = 1; offset < idr.length; offset += 1000) {
            int end = Math.min(idr.length, offset + 1000);
            byte[] fu = new byte[2 + end - offset];
            fu[0] = (byte) ((idr[0] & 0xE0) | 28);
            fu[1] = (byte) ((offset == 1 ? 0x80 : 0) | (end == idr.length ? 0x40 : 0) | 5);
            System.arraycopy(idr, offset, fu, 2, end - offset);
            out.addAll(d.accept(RtpPacket.parse(packet(end == idr.length, 0, null, 0, fu))));
        }
        assertThat(out).hasSize(1);
        H264Depacketizer.Unit unit = out.get(0);
        assertThat(unit.keyframe()).isTrue();
        assertThat(unit.nals()).hasSize(3);
        assertThat(unit.nals().get(0)).isEqualTo(sps);
        assertThat(unit.nals().get(1)).isEqualTo(pps);
        assertThat(Arrays.equals(unit.nals().get(2), idr)).as("the FU-A fragments joined under their NAL header").isTrue();
    }

    @Test
    void aLostFragmentDropsItsPictureAndANewTimestampClosesOneWithoutMarker() {
        H264Depacketizer d = new H264Depacketizer();
        byte[] fuStart = {(byte) (0x60 | 28), (byte) (0x80 | 1), 1, 2, 3};
        byte[] fuEnd = {(byte) (0x60 | 28), (byte) (0x40 | 1), 4, 5};
        assertThat(d.accept(RtpPacket.parse(packet(false, 3000, null, 0, fuStart)))).isEmpty();
        sequence++; // a middle fragment lost on the way
        assertThat(d.accept(RtpPacket.parse(packet(true, 3000, null, 0, fuEnd)))).as("a damaged picture is not handed on").isEmpty();

        assertThat(d.accept(RtpPacket.parse(packet(false, 6000, null, 0, nal(1, 20))))).isEmpty();
        List<H264Depacketizer.Unit> next = d.accept(RtpPacket.parse(packet(true, 9000, null, 0, nal(1, 30))));
        assertThat(next).extracting(H264Depacketizer.Unit::timestamp).containsExactly(6000L, 9000L);
        assertThat(next).noneMatch(H264Depacketizer.Unit::keyframe);
    }
}
