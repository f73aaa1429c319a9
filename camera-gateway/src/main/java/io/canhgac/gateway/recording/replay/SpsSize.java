package io.canhgac.gateway.recording.replay;

/**
 * The picture size an H.264 sequence parameter set declares (ITU-T H.264 7.3.2.1.1), which a
 * replay's segments need for their init segment: replay hands over no demuxer's stream parameters.
 */
public record SpsSize(int width, int height) {

    public static SpsSize of(byte[] sps) {
        Bits b = new Bits(unescape(sps));
        b.skip(8); // NAL header
        int profile = b.bits(8);
        b.skip(16); // constraint flags, level
        b.ue(); // seq_parameter_set_id
        int chroma = 1;
        if (profile == 100 || profile == 110 || profile == 122 || profile == 244 || profile == 44 || profile == 83
                || profile == 86 || profile == 118 || profile == 128 || profile == 138 || profile == 139 || profile == 134) {
            chroma = b.ue();
            if (chroma == 3) {
                b.skip(1);
            }
            b.ue(); // bit depth luma
            b.ue(); // bit depth chroma
            b.skip(1);
            if (b.bits(1) == 1) { // scaling matrices
                for (int i = 0; i < (chroma == 3 ? 12 : 8); i++) {
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
        b.skip(1);
        int widthMbs = b.ue() + 1;
        int heightMaps = b.ue() + 1;
        int frameMbsOnly = b.bits(1);
        if (frameMbsOnly == 0) {
            b.skip(1);
        }
        b.skip(1); // direct_8x8_inference
        int width = widthMbs * 16;
        int height = (2 - frameMbsOnly) * heightMaps * 16;
        if (b.bits(1) == 1) { // cropping, in chroma samples
            int cropX = chroma == 0 || chroma == 3 ? 1 : 2;
            int cropY = (chroma == 1 ? 2 : 1) * (2 - frameMbsOnly);
            int left = b.ue();
            int right = b.ue();
            int top = b.ue();
            int bottom = b.ue();
            width -= cropX * (left + right);
            height -= cropY * (top + bottom);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("SPS declares no picture size");
        }
        return new SpsSize(width, height);
    }

    private static void skipScalingList(Bits b, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size && next != 0; j++) {
            next = (last + b.se() + 256) % 256;
            last = next == 0 ? last : next;
        }
    }

    /** Without the emulation prevention bytes (00 00 03). */
    private static byte[] unescape(byte[] nal) {
        byte[] out = new byte[nal.length];
        int n = 0;
        int zeros = 0;
        for (byte v : nal) {
            if (zeros >= 2 && v == 3) {
                zeros = 0;
                continue;
            }
            zeros = v == 0 ? zeros + 1 : 0;
            out[n++] = v;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static final class Bits {
        private final byte[] data;
        private int at;

        Bits(byte[] data) {
            this.data = data;
        }

        int bits(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                if (at >> 3 >= data.length) {
                    throw new IllegalArgumentException("SPS cut short");
                }
                v = (v << 1) | ((data[at >> 3] >> (7 - (at & 7))) & 1);
                at++;
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
                    throw new IllegalArgumentException("bad Exp-Golomb code in SPS");
                }
            }
            return (int) ((1L << zeros) - 1 + (zeros == 0 ? 0 : bits(zeros)));
        }

        int se() {
            int k = ue();
            return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
        }
    }
}
