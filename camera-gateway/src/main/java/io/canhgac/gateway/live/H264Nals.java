package io.canhgac.gateway.live;

import java.util.ArrayList;
import java.util.List;

/**
 * H.264 NAL units as FFmpeg's RTSP demuxer hands them out (Annex B, with start codes) or as MP4
 * stores them (each prefixed with its 4-byte length). MP4 fragments need the latter.
 */
public final class H264Nals {

    static final int IDR = 5;
    public static final int SPS = 7;
    public static final int PPS = 8;
    static final int AUD = 9;

    private H264Nals() {
    }

    static int type(byte[] nal) {
        return nal[0] & 0x1F;
    }

    /** True when {@code data} starts with an Annex B start code (00 00 01 or 00 00 00 01). */
    public static boolean isAnnexB(byte[] data) {
        return data.length >= 3 && data[0] == 0 && data[1] == 0
                && (data[2] == 1 || (data.length >= 4 && data[2] == 0 && data[3] == 1));
    }

    /** The NAL units in {@code data}, Annex B or 4-byte length-prefixed. */
    public static List<byte[]> split(byte[] data) {
        return isAnnexB(data) ? splitAnnexB(data) : splitLengthPrefixed(data);
    }

    private static List<byte[]> splitAnnexB(byte[] data) {
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < data.length) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                if (start >= 0) {
                    addTrimmed(nals, data, start, i);
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0) {
            addTrimmed(nals, data, start, data.length);
        }
        return nals;
    }

    /** Drops the zero bytes before the next start code (the leading 0 of a 4-byte code, trailing_zero_8bits). */
    private static void addTrimmed(List<byte[]> nals, byte[] data, int from, int to) {
        while (to > from && data[to - 1] == 0) {
            to--;
        }
        if (to > from) {
            byte[] nal = new byte[to - from];
            System.arraycopy(data, from, nal, 0, nal.length);
            nals.add(nal);
        }
    }

    private static List<byte[]> splitLengthPrefixed(byte[] data) {
        List<byte[]> nals = new ArrayList<>();
        int i = 0;
        while (i + 4 <= data.length) {
            int n = ((data[i] & 0xFF) << 24) | ((data[i + 1] & 0xFF) << 16) | ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
            i += 4;
            if (n <= 0 || n > data.length - i) {
                break; // not length-prefixed after all, or truncated: keep what parsed
            }
            byte[] nal = new byte[n];
            System.arraycopy(data, i, nal, 0, n);
            nals.add(nal);
            i += n;
        }
        return nals;
    }

    /**
     * The picture NAL units of one access unit as an MP4 sample (4-byte lengths). Parameter sets
     * live in the init segment and delimiters mean nothing in MP4, so both are left out.
     */
    public static byte[] toMp4Sample(List<byte[]> nals) {
        int size = 0;
        for (byte[] nal : nals) {
            if (keepInSample(nal)) {
                size += 4 + nal.length;
            }
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] nal : nals) {
            if (keepInSample(nal)) {
                int n = nal.length;
                out[at] = (byte) (n >>> 24);
                out[at + 1] = (byte) (n >>> 16);
                out[at + 2] = (byte) (n >>> 8);
                out[at + 3] = (byte) n;
                System.arraycopy(nal, 0, out, at + 4, n);
                at += 4 + n;
            }
        }
        return out;
    }

    private static boolean keepInSample(byte[] nal) {
        int t = type(nal);
        return t != SPS && t != PPS && t != AUD;
    }

    /** A keyframe a decoder can start from alone: SPS, PPS, then the picture's NAL units, in Annex B. */
    static byte[] standaloneKeyframe(byte[] sps, byte[] pps, List<byte[]> nals) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] nal : concat(sps, pps, nals)) {
            out.write(0);
            out.write(0);
            out.write(0);
            out.write(1);
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }

    private static List<byte[]> concat(byte[] sps, byte[] pps, List<byte[]> nals) {
        List<byte[]> all = new ArrayList<>(List.of(sps, pps));
        for (byte[] nal : nals) {
            if (keepInSample(nal)) {
                all.add(nal);
            }
        }
        return all;
    }

    public static byte[] first(List<byte[]> nals, int type) {
        for (byte[] nal : nals) {
            if (type(nal) == type) {
                return nal;
            }
        }
        return null;
    }
}
