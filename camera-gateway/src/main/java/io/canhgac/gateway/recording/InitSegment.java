package io.canhgac.gateway.recording;

import io.canhgac.gateway.live.AvcFormat;

import java.io.IOException;
import java.nio.ByteBuffer;

/** The few boxes of our own segments that reading them back needs: avc1/avcC of the moov, tfdt and trun of a moof. */
final class InitSegment {

    private static final int AVC1_HEADER = 78;

    private InitSegment() {
    }

    /** Picture size and parameter sets from moov/trak/mdia/minf/stbl/stsd/avc1/avcC. */
    static AvcFormat format(ByteBuffer moov) throws IOException {
        int trak = child(moov, 8, moov.limit(), "trak");
        int mdia = child(moov, trak + 8, end(moov, trak), "mdia");
        int minf = child(moov, mdia + 8, end(moov, mdia), "minf");
        int stbl = child(moov, minf + 8, end(moov, minf), "stbl");
        int stsd = child(moov, stbl + 8, end(moov, stbl), "stsd");
        int avc1 = child(moov, stsd + 16, end(moov, stsd), "avc1");
        int width = moov.getShort(avc1 + 8 + 24) & 0xFFFF;
        int height = moov.getShort(avc1 + 8 + 26) & 0xFFFF;
        int avcC = child(moov, avc1 + 8 + AVC1_HEADER, end(moov, avc1), "avcC");
        int at = avcC + 8 + 5;
        int spsCount = moov.get(at++) & 0x1F;
        if (spsCount < 1) {
            throw new IOException("no SPS in the init segment");
        }
        byte[] sps = new byte[moov.getShort(at) & 0xFFFF];
        moov.get(at + 2, sps);
        at += 2 + sps.length;
        at++; // PPS count: we write one
        byte[] pps = new byte[moov.getShort(at) & 0xFFFF];
        moov.get(at + 2, pps);
        return new AvcFormat(width, height, sps, pps);
    }

    /** One fragment's sample: tfdt, and the trun's first (only) sample. */
    static SegmentReader.Sample fragment(ByteBuffer buf, int moofSize, long offset) throws IOException {
        int traf = child(buf, 8, moofSize, "traf");
        int tfdt = child(buf, traf + 8, end(buf, traf), "tfdt");
        long decode = (buf.get(tfdt + 8) & 0xFF) == 1 ? buf.getLong(tfdt + 12) : buf.getInt(tfdt + 12) & 0xFFFF_FFFFL;
        int trun = child(buf, traf + 8, end(buf, traf), "trun");
        int flags = buf.getInt(trun + 8) & 0xFF_FFFF;
        int at = trun + 16; // after version/flags and sample_count
        if ((flags & 0x001) != 0) {
            at += 4; // data offset
        }
        if ((flags & 0x004) != 0) {
            at += 4; // first sample flags
        }
        int duration = 0;
        int sampleFlags = 0;
        int composition = 0;
        if ((flags & 0x100) != 0) {
            duration = buf.getInt(at);
            at += 4;
        }
        if ((flags & 0x200) != 0) {
            at += 4; // size: the mdat says it
        }
        if ((flags & 0x400) != 0) {
            sampleFlags = buf.getInt(at);
            at += 4;
        }
        if ((flags & 0x800) != 0) {
            composition = buf.getInt(at);
        }
        boolean keyframe = (sampleFlags & 0x0001_0000) == 0; // not sample_is_non_sync_sample
        return new SegmentReader.Sample(offset, decode, duration, composition, keyframe, null);
    }

    private static int end(ByteBuffer buf, int box) {
        return box + buf.getInt(box);
    }

    private static int child(ByteBuffer buf, int from, int to, String type) throws IOException {
        int at = from;
        while (at + 8 <= to) {
            int size = buf.getInt(at);
            if (size < 8 || at + size > to) {
                break;
            }
            if (SegmentReader.type(buf, at + 4).equals(type)) {
                return at;
            }
            at += size;
        }
        throw new IOException("no " + type + " box where expected");
    }
}
