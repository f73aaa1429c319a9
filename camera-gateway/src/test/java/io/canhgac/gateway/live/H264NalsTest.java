package io.canhgac.gateway.live;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class H264NalsTest {

    private static final byte[] SPS = {0x67, 0x42, (byte) 0xC0, 0x1E, 0x11};
    private static final byte[] PPS = {0x68, (byte) 0xCE, 0x3C};
    private static final byte[] IDR = {0x65, (byte) 0x88, 0x00, 0x00, 0x02, 0x7F};

    @Test
    void splitsAnnexBWithThreeAndFourByteStartCodes() {
        byte[] stream = {0, 0, 0, 1, 0x09, (byte) 0xF0, 0, 0, 0, 1, 0x67, 0x42, (byte) 0xC0, 0x1E, 0x11,
                0, 0, 1, 0x68, (byte) 0xCE, 0x3C, 0, 0, 1, 0x65, (byte) 0x88, 0x00, 0x00, 0x02, 0x7F};
        List<byte[]> nals = H264Nals.split(stream);
        assertThat(nals).hasSize(4);
        assertThat(nals.get(1)).isEqualTo(SPS);
        assertThat(nals.get(2)).isEqualTo(PPS);
        assertThat(nals.get(3)).as("00 00 inside a NAL is not a start code").isEqualTo(IDR);
        assertThat(H264Nals.first(nals, H264Nals.PPS)).isEqualTo(PPS);
    }

    @Test
    void mp4SamplesKeepOnlyPictureDataWithLengths() {
        byte[] sample = H264Nals.toMp4Sample(List.of(new byte[] {0x09, (byte) 0xF0}, SPS, PPS, IDR));
        assertThat(sample).isEqualTo(new byte[] {0, 0, 0, 6, 0x65, (byte) 0x88, 0x00, 0x00, 0x02, 0x7F});
        assertThat(H264Nals.split(sample)).as("length-prefixed reads back").containsExactly(IDR);
    }
}
