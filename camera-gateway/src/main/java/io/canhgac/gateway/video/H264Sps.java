package io.canhgac.gateway.video;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * The picture size an H.264 sequence parameter set announces (ITU-T H.264 §7.3.2.1.1), read without a
 * decoder. With it the RTSP demuxer can skip FFmpeg's stream probing, which decodes pictures and
 * leaves about 1.4 MB per camera behind (measured, see BENCHMARKS.md).
 */
public record H264Sps(int width, int height) {

    private static final int NAL_SPS = 7;

    /** The size from an SPS found in codec extradata, Annex B (RTSP's sprop-parameter-sets) or avcC. */
    static Optional<H264Sps> fromExtradata(byte[] extradata) {
        byte[] sps = findSps(extradata);
        if (sps == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(sps));
        } catch (RuntimeException e) {
            return Optional.empty(); // truncated or exotic: let FFmpeg probe it
        }
    }

    private static byte[] findSps(byte[] data) {
        if (data.length > 8 && data[0] == 1) { // avcC: version 1, SPS count at byte 5, first SPS length at 6-7
            int length = ((data[6] & 0xFF) << 8) | (data[7] & 0xFF);
            if ((data[5] & 0x1F) > 0 && 8 + length <= data.length) {
                byte[] sps = new byte[length];
                System.arraycopy(data, 8, sps, 0, length);
                return sps;
            }
            return null;
        }
        for (int i = 0; i + 3 < data.length; i++) { // Annex B: the NAL unit after a 00 00 01 start code
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && (data[i + 3] & 0x1F) == NAL_SPS) {
                int end = i + 3;
                while (end + 2 < data.length && !(data[end] == 0 && data[end + 1] == 0 && (data[end + 2] == 1 || data[end + 2] == 0))) {
                    end++;
                }
                byte[] sps = new byte[(end + 2 < data.length ? end : data.length) - (i + 3)];
                System.arraycopy(data, i + 3, sps, 0, sps.length);
                return sps;
            }
        }
        return null;
    }

    /** @param nal the SPS NAL unit, header byte included, emulation prevention bytes not yet removed */
    public static H264Sps parse(byte[] nal) {
        if (nal.length < 4 || (nal[0] & 0x1F) != NAL_SPS) {
            throw new IllegalArgumentException("not an SPS");
        }
        Bits b = new Bits(unescape(nal));
        b.skip(8); // NAL header
        int profile = b.bits(8);
        b.skip(16); // constraint flags, level
        b.ue(); // seq_parameter_set_id
        int chromaFormat = 1;
        if (profile == 100 || profile == 110 || profile == 122 || profile == 244 || profile == 44 || profile == 83
                || profile == 86 || profile == 118 || profile == 128 || profile == 138 || profile == 139
                || profile == 134 || profile == 135) {
            chromaFormat = b.ue();
            if (chromaFormat == 3) {
                b.skip(1); // separate_colour_plane_flag
            }
            b.ue(); // bit depths
            b.ue();
            b.skip(1); // qpprime_y_zero_transform_bypass_flag
            if (b.bits(1) == 1) {
                for (int i = 0; i < (chromaFormat != 3 ? 8 : 12); i++) {
                    if (b.bits(1) == 1) {
                        skipScalingList(b, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        b.ue(); // log2_max_frame_num_minus4
        int pocType = b.ue();
        if (pocType == 0) {
            b.ue();
        } else if (pocType == 1) {
            b.skip(1);
            b.se();
            b.se();
            int cycle = b.ue();
            for (int i = 0; i < cycle; i++) {
                b.se();
            }
        }
        b.ue(); // max_num_ref_frames
        b.skip(1); // gaps_in_frame_num_value_allowed_flag
        int widthInMbs = b.ue() + 1;
        int heightInMapUnits = b.ue() + 1;
        int frameMbsOnly = b.bits(1);
        if (frameMbsOnly == 0) {
            b.skip(1); // mb_adaptive_frame_field_flag
        }
        b.skip(1); // direct_8x8_inference_flag
        int width = widthInMbs * 16;
        int height = (2 - frameMbsOnly) * heightInMapUnits * 16;
        if (b.bits(1) == 1) { // frame cropping, in chroma sample units
            int cropX = chromaFormat == 0 || chromaFormat == 3 ? 1 : 2;
            int cropY = (chromaFormat == 1 ? 2 : 1) * (2 - frameMbsOnly);
            width -= cropX * (b.ue() + b.ue());
            height -= cropY * (b.ue() + b.ue());
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("SPS gives no picture size");
        }
        return new H264Sps(width, height);
    }

    private static void skipScalingList(Bits b, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + b.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    /** Drops the 03 of every 00 00 03 (emulation prevention). */
    private static byte[] unescape(byte[] nal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(nal.length);
        int zeros = 0;
        for (byte x : nal) {
            if (zeros >= 2 && x == 3) {
                zeros = 0;
                continue;
            }
            zeros = x == 0 ? zeros + 1 : 0;
            out.write(x);
        }
        return out.toByteArray();
    }

    /** A big-endian bit reader with Exp-Golomb codes; reading past the end throws. */
    private static final class Bits {
        private final byte[] data;
        private int position;

        Bits(byte[] data) {
            this.data = data;
        }

        int bits(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                if (position >= data.length * 8) {
                    throw new IllegalArgumentException("SPS ends early");
                }
                v = (v << 1) | ((data[position >> 3] >> (7 - (position & 7))) & 1);
                position++;
            }
            return v;
        }

        void skip(int n) {
            bits(n);
        }

        int ue() {
            int zeros = 0;
            while (bits(1) == 0) {
                if (++zeros > 31) {
                    throw new IllegalArgumentException("bad Exp-Golomb code");
                }
            }
            return (int) ((1L << zeros) - 1 + bits(zeros));
        }

        int se() {
            int k = ue();
            return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
        }
    }
}
