package io.canhgac.gateway.live;

/**
 * A fragmented MP4 writer for one H.264 video track, as Media Source Extensions want it: an init
 * segment (ftyp + moov with an empty sample table and mvex) and then one moof + mdat per picture,
 * so a picture leaves the gateway as soon as it arrives. Time is counted in 90 kHz ticks, the RTP
 * clock of every H.264 camera, so packet times pass through unscaled. The recorder writes the same
 * init segment and fragments into its segment files, so a recording plays as live view does.
 */
public final class Fmp4Muxer {

    public static final int TIMESCALE = 90_000;
    private static final int TRACK_ID = 1;
    /** sample_depends_on = 2: a sync sample decodable alone. */
    private static final int SYNC_SAMPLE_FLAGS = 0x0200_0000;
    /** sample_depends_on = 1 and sample_is_non_sync_sample. */
    private static final int NON_SYNC_SAMPLE_FLAGS = 0x0101_0000;
    /** tfhd: base data offset is the start of the moof (what MSE requires). */
    private static final int TFHD_DEFAULT_BASE_IS_MOOF = 0x02_0000;
    /** trun: data offset, and per-sample duration, size, flags and composition offset. */
    private static final int TRUN_FLAGS = 0x001 | 0x100 | 0x200 | 0x400 | 0x800;
    /** 16.16 fixed-point identity matrix of mvhd and tkhd. */
    private static final int[] MATRIX = {0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000};

    private Fmp4Muxer() {
    }

    public static byte[] initSegment(AvcFormat format) {
        BoxWriter w = new BoxWriter(512 + format.sps().length + format.pps().length);
        int ftyp = w.begin("ftyp");
        w.fourcc("iso5").u32(512).fourcc("iso5").fourcc("iso6").fourcc("avc1").fourcc("mp41");
        w.end(ftyp);

        int moov = w.begin("moov");
        int mvhd = w.beginFull("mvhd", 0, 0);
        w.u32(0).u32(0).u32(1000).u32(0); // created, modified, timescale (ms), duration unknown: live
        w.u32(0x0001_0000).u16(0x0100).zeros(10); // rate 1.0, volume 1.0, reserved
        matrix(w);
        w.zeros(24).u32(TRACK_ID + 1); // pre_defined, next_track_ID
        w.end(mvhd);

        int trak = w.begin("trak");
        int tkhd = w.beginFull("tkhd", 0, 0x3); // enabled, in movie
        w.u32(0).u32(0).u32(TRACK_ID).u32(0).u32(0); // created, modified, track, reserved, duration
        w.zeros(8).u16(0).u16(0).u16(0).u16(0); // reserved, layer, alternate group, volume (video: 0), reserved
        matrix(w);
        w.u32((long) format.width() << 16).u32((long) format.height() << 16);
        w.end(tkhd);

        int mdia = w.begin("mdia");
        int mdhd = w.beginFull("mdhd", 0, 0);
        w.u32(0).u32(0).u32(TIMESCALE).u32(0).u16(0x55C4).u16(0); // language "und"
        w.end(mdhd);
        int hdlr = w.beginFull("hdlr", 0, 0);
        w.u32(0).fourcc("vide").zeros(12).bytes("canhgac live\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        w.end(hdlr);
        int minf = w.begin("minf");
        int vmhd = w.beginFull("vmhd", 0, 1);
        w.zeros(8); // graphics mode, opcolor
        w.end(vmhd);
        int dinf = w.begin("dinf");
        int dref = w.beginFull("dref", 0, 0);
        w.u32(1);
        int url = w.beginFull("url ", 0, 1); // media in this file
        w.end(url);
        w.end(dref);
        w.end(dinf);
        sampleTable(w, format);
        w.end(minf);
        w.end(mdia);
        w.end(trak);

        int mvex = w.begin("mvex");
        int trex = w.beginFull("trex", 0, 0);
        w.u32(TRACK_ID).u32(1).u32(0).u32(0).u32(0); // track, sample description 1, no defaults
        w.end(trex);
        w.end(mvex);
        w.end(moov);
        return w.toByteArray();
    }

    private static void sampleTable(BoxWriter w, AvcFormat format) {
        int stbl = w.begin("stbl");
        int stsd = w.beginFull("stsd", 0, 0);
        w.u32(1);
        int avc1 = w.begin("avc1");
        w.zeros(6).u16(1); // reserved, data_reference_index
        w.zeros(16); // pre_defined, reserved, pre_defined[3]
        w.u16(format.width()).u16(format.height());
        w.u32(0x0048_0000).u32(0x0048_0000).u32(0).u16(1); // 72 dpi, 72 dpi, reserved, frame count
        w.zeros(32).u16(0x0018).u16(0xFFFF); // compressor name, depth, pre_defined = -1
        int avcC = w.begin("avcC");
        byte[] sps = format.sps();
        byte[] pps = format.pps();
        w.u8(1).u8(sps[1]).u8(sps[2]).u8(sps[3]); // version, profile, constraints, level
        w.u8(0xFF).u8(0xE1); // 4-byte NAL lengths; one SPS
        w.u16(sps.length).bytes(sps);
        w.u8(1).u16(pps.length).bytes(pps);
        w.end(avcC);
        w.end(avc1);
        w.end(stsd);
        for (String empty : new String[] {"stts", "stsc", "stco"}) {
            int box = w.beginFull(empty, 0, 0);
            w.u32(0);
            w.end(box);
        }
        int stsz = w.beginFull("stsz", 0, 0);
        w.u32(0).u32(0);
        w.end(stsz);
        w.end(stbl);
    }

    private static void matrix(BoxWriter w) {
        for (int m : MATRIX) {
            w.u32(m & 0xFFFF_FFFFL);
        }
    }

    /**
     * One picture as moof + mdat.
     *
     * @param sequence          the fragment's number, from 1, rising
     * @param decodeTime        in 90 kHz ticks since the stream's start
     * @param duration          until the next picture, in 90 kHz ticks
     * @param compositionOffset presentation time minus decode time (0 without B-frames)
     * @param sample            the access unit with 4-byte NAL lengths
     */
    public static byte[] fragment(long sequence, long decodeTime, int duration, int compositionOffset, boolean keyframe, byte[] sample) {
        BoxWriter w = new BoxWriter(120 + sample.length);
        int moof = w.begin("moof");
        int mfhd = w.beginFull("mfhd", 0, 0);
        w.u32(sequence);
        w.end(mfhd);
        int traf = w.begin("traf");
        int tfhd = w.beginFull("tfhd", 0, TFHD_DEFAULT_BASE_IS_MOOF);
        w.u32(TRACK_ID);
        w.end(tfhd);
        int tfdt = w.beginFull("tfdt", 1, 0);
        w.u64(decodeTime);
        w.end(tfdt);
        int trun = w.beginFull("trun", 1, TRUN_FLAGS); // version 1: signed composition offsets
        w.u32(1);
        int dataOffsetAt = w.size();
        w.u32(0); // data offset, patched below
        w.u32(duration).u32(sample.length).u32(keyframe ? SYNC_SAMPLE_FLAGS : NON_SYNC_SAMPLE_FLAGS).u32(compositionOffset & 0xFFFF_FFFFL);
        w.end(trun);
        w.end(traf);
        w.end(moof);
        w.putU32(dataOffsetAt, w.size() - moof + 8); // first sample byte: after the moof and the mdat header
        int mdat = w.begin("mdat");
        w.bytes(sample);
        w.end(mdat);
        return w.toByteArray();
    }

    /** The mfhd sequence number of a fragment written by {@link #fragment}: lets a viewer match it to its packet. */
    static long sequenceOf(byte[] fragment) {
        return ((fragment[20] & 0xFFL) << 24) | ((fragment[21] & 0xFFL) << 16) | ((fragment[22] & 0xFFL) << 8) | (fragment[23] & 0xFFL);
    }
}
