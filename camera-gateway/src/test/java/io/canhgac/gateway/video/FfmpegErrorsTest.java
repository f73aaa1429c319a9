package io.canhgac.gateway.video;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FfmpegErrorsTest {

    @Test
    void mapsTheCodesFfmpegGivesForCameraFailures() {
        assertThat(FfmpegErrors.classify("avformat_open_input() error -111: Could not open input")).isEqualTo(StreamFailure.REFUSED);
        assertThat(FfmpegErrors.classify("avformat_open_input() error -110: Could not open input")).isEqualTo(StreamFailure.TIMEOUT);
        assertThat(FfmpegErrors.classify("avformat_open_input() error -1414092869: Could not open input"))
                .as("AVERROR_EXIT: our interrupt callback's timeout").isEqualTo(StreamFailure.TIMEOUT);
        assertThat(FfmpegErrors.classify("error -113")).isEqualTo(StreamFailure.UNREACHABLE);
        // FFERRTAG(0xF8,'4','0','1') and FFERRTAG(0xF8,'4','0','4'), the RTSP 401 and 404 replies
        assertThat(FfmpegErrors.classify("avformat_open_input() error -825242872: Could not open input")).isEqualTo(StreamFailure.UNAUTHORIZED);
        assertThat(FfmpegErrors.classify("avformat_open_input() error -875574520: Could not open input")).isEqualTo(StreamFailure.NOT_FOUND);
        assertThat(FfmpegErrors.classify("av_read_frame() error -541478725")).isEqualTo(StreamFailure.ENDED);
        assertThat(FfmpegErrors.classify("something else")).isEqualTo(StreamFailure.BAD_STREAM);
    }
}
