package io.canhgac.gateway.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: the NAL units of an H.264 packet or header, whether framed by start codes (RTSP) or length prefixes (MP4). */
final class NalUnits {

    private NalUnits() {
    }

    static List<byte[]> of(byte[] data) {
        return startsWithStartCode(data) ? annexB(data) : lengthPrefixed(data);
    }

    static boolean startsWithStartCode(byte[] d) {
        return d.length >= 4 && d[0] == 0 && d[1] == 0 && (d[2] == 1 || (d[2] == 0 && d[3] == 1));
    }

    static List<byte[]> annexB(byte[] d) {
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < d.length) {
            if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1) {
                if (start >= 0) {
                    int end = i;
                    while (end > start && d[end - 1] == 0) {
                        end--; // the zero of a 4-byte start code, or trailing zeros
                    }
                    nals.add(Arrays.copyOfRange(d, start, end));
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < d.length) {
            nals.add(Arrays.copyOfRange(d, start, d.length));
        }
        return nals;
    }

    static List<byte[]> lengthPrefixed(byte[] d) {
        List<byte[]> nals = new ArrayList<>();
        int i = 0;
        while (i + 4 <= d.length) {
            int len = (d[i] & 0xFF) << 24 | (d[i + 1] & 0xFF) << 16 | (d[i + 2] & 0xFF) << 8 | (d[i + 3] & 0xFF);
            nals.add(Arrays.copyOfRange(d, i + 4, i + 4 + len));
            i += 4 + len;
        }
        if (i != d.length) {
            throw new IllegalArgumentException("not length-prefixed NAL units");
        }
        return nals;
    }

    /** SPS and PPS from an avcC box (MP4) or from Annex B extradata (RTSP's sprop-parameter-sets). */
    static List<byte[]> parameterSets(byte[] extradata) {
        if (extradata.length > 0 && extradata[0] == 1) {
            List<byte[]> sets = new ArrayList<>();
            int i = 5;
            int sps = extradata[i++] & 0x1F;
            for (int n = 0; n < sps; n++) {
                int len = (extradata[i] & 0xFF) << 8 | (extradata[i + 1] & 0xFF);
                sets.add(Arrays.copyOfRange(extradata, i + 2, i + 2 + len));
                i += 2 + len;
            }
            int pps = extradata[i++] & 0xFF;
            for (int n = 0; n < pps; n++) {
                int len = (extradata[i] & 0xFF) << 8 | (extradata[i + 1] & 0xFF);
                sets.add(Arrays.copyOfRange(extradata, i + 2, i + 2 + len));
                i += 2 + len;
            }
            return sets;
        }
        return annexB(extradata);
    }

    static int type(byte[] nal) {
        return nal[0] & 0x1F;
    }

    /** Comparable text of a NAL list, for readable assertion failures and equality. */
    static List<String> hex(List<byte[]> nals) {
        return nals.stream().map(java.util.HexFormat.of()::formatHex).toList();
    }
}
