package io.canhgac.gateway.video;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FfmpegErrorsTest {

    @Test
    void mapsTheCodesFfmpegGivesForCameraFailures() {
        assertThat(FfmpegErrors.classify(-111)).isEqualTo(StreamFailure.REFUSED);
        assertThat(FfmpegErrors.classify(-110)).isEqualTo(StreamFailure.TIMEOUT);
        assertThat(FfmpegErrors.classify(-1414092869)).as("AVERROR_EXIT: our interrupt callback's timeout").isEqualTo(StreamFailure.TIMEOUT);
        assertThat(FfmpegErrors.classify(-113)).isEqualTo(StreamFailure.UNREACHABLE);
        // FFERRTAG(0xF8,'4','0','1') and FFERRTAG(0xF8,'4','0','4'), the RTSP 401 and 404 replies
        assertThat(FfmpegErrors.classify(-825242872)).isEqualTo(StreamFailure.UNAUTHORIZED);
        assertThat(FfmpegErrors.classify(-875574520)).isEqualTo(StreamFailure.NOT_FOUND);
        assertThat(FfmpegErrors.classify(-541478725)).as("AVERROR_EOF").isEqualTo(StreamFailure.ENDED);
        assertThat(FfmpegErrors.classify(-22)).as("anything else, e.g. EINVAL").isEqualTo(StreamFailure.BAD_STREAM);
    }
}
