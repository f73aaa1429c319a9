package io.canhgac.simulator.scene;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class H264AnnexBTest {

    @Test
    void splitsOnThreeAndFourByteStartCodesAndGroupsPictures() {
        byte[] stream = {
                0, 0, 0, 1, 0x67, 0x42, 0x00, 0x1E,        // SPS
                0, 0, 0, 1, 0x68, (byte) 0xCE,             // PPS
                0, 0, 1, 0x65, (byte) 0x88, 1, 2,          // IDR, first_mb = 0
                0, 0, 1, 0x65, 0x40, 3,                    // IDR, second slice of the same picture
                0, 0, 0, 1, 0x41, (byte) 0x9A, 4,          // P slice, new picture
                0, 0, 1, 0x41, (byte) 0x9A, 5, 0, 0        // P slice, trailing zeros trimmed
        };
        List<byte[]> nals = H264AnnexB.splitNals(stream);
        assertThat(nals).hasSize(6);
        assertThat(nals.get(5)).containsExactly(0x41, 0x9A, 5);

        List<AccessUnit> units = H264AnnexB.accessUnits(nals);
        assertThat(units).hasSize(3);
        assertThat(units.get(0).nals()).hasSize(4);
        assertThat(units.get(0).keyframe()).isTrue();
        assertThat(units.get(1).keyframe()).isFalse();
        assertThat(units.get(2).nals().get(0)).containsExactly(0x41, 0x9A, 5);
    }
}
