package io.canhgac.simulator.scene;

import java.util.ArrayList;
import java.util.List;

/** Splits an H.264 Annex B byte stream into NAL units and groups them into access units. */
public final class H264AnnexB {

    public static final int NAL_SLICE = 1;
    public static final int NAL_IDR = 5;
    public static final int NAL_SEI = 6;
    public static final int NAL_SPS = 7;
    public static final int NAL_PPS = 8;
    public static final int NAL_AUD = 9;

    private H264AnnexB() {
    }

    public static int type(byte[] nal) {
        return nal[0] & 0x1F;
    }

    /** NAL units between 3- or 4-byte start codes. */
    public static List<byte[]> splitNals(byte[] stream) {
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < stream.length) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    nals.add(trimTrailingZeros(stream, start, i));
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < stream.length) {
            nals.add(trimTrailingZeros(stream, start, stream.length));
        }
        return nals;
    }

    /** Groups NAL units into pictures: a new picture starts at a parameter set, AUD or SEI after a slice, or at a slice whose first macroblock is 0. */
    public static List<AccessUnit> accessUnits(List<byte[]> nals) {
        List<AccessUnit> units = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        boolean hasSlice = false;
        boolean keyframe = false;
        for (byte[] nal : nals) {
            int type = type(nal);
            boolean slice = type == NAL_SLICE || type == NAL_IDR;
            boolean startsPicture = (type == NAL_SPS || type == NAL_PPS || type == NAL_AUD || type == NAL_SEI)
                    || (slice && firstMbIsZero(nal));
            if (startsPicture && hasSlice) {
                units.add(new AccessUnit(current, keyframe));
                current = new ArrayList<>();
                hasSlice = false;
                keyframe = false;
            }
            current.add(nal);
            hasSlice |= slice;
            keyframe |= type == NAL_IDR;
        }
        if (hasSlice) {
            units.add(new AccessUnit(current, keyframe));
        }
        return units;
    }

    /** first_mb_in_slice is ue(v) coded: the value 0 is the single bit '1'. */
    private static boolean firstMbIsZero(byte[] nal) {
        return nal.length > 1 && (nal[1] & 0x80) != 0;
    }

    private static byte[] trimTrailingZeros(byte[] stream, int from, int to) {
        int end = to;
        while (end > from && stream[end - 1] == 0) {
            end--;
        }
        byte[] nal = new byte[end - from];
        System.arraycopy(stream, from, nal, 0, nal.length);
        return nal;
    }
}
