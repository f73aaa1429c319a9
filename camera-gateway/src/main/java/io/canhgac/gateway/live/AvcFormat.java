package io.canhgac.gateway.live;

import java.util.Arrays;

/**
 * What an H.264 track's init segment needs: picture size and the parameter sets, which also
 * give the browser's codec string (profile, constraints and level are SPS bytes 1–3).
 */
public record AvcFormat(int width, int height, byte[] sps, byte[] pps) {

    public AvcFormat {
        if (width <= 0 || height <= 0 || width > 0xFFFF || height > 0xFFFF) {
            throw new IllegalArgumentException("bad picture size " + width + "x" + height);
        }
        if (sps.length < 4 || (sps[0] & 0x1F) != H264Nals.SPS) {
            throw new IllegalArgumentException("not an SPS NAL unit");
        }
        if (pps.length < 1 || (pps[0] & 0x1F) != H264Nals.PPS) {
            throw new IllegalArgumentException("not a PPS NAL unit");
        }
    }

    /** RFC 6381 codec parameter, e.g. {@code avc1.42C01E}. */
    String codec() {
        return String.format("avc1.%02X%02X%02X", sps[1] & 0xFF, sps[2] & 0xFF, sps[3] & 0xFF);
    }

    /** What the browser passes to {@code MediaSource.isTypeSupported} and {@code addSourceBuffer}. */
    String mimeType() {
        return "video/mp4; codecs=\"" + codec() + "\"";
    }

    public boolean sameParameters(byte[] otherSps, byte[] otherPps) {
        return Arrays.equals(sps, otherSps) && Arrays.equals(pps, otherPps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvcFormat f && f.width == width && f.height == height && sameParameters(f.sps, f.pps);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(sps);
    }

    @Override
    public String toString() {
        return width + "x" + height + " " + codec();
    }
}
