package io.canhgac.gateway.onboarding;

import io.canhgac.gateway.onvif.media.MediaProfile;
import io.canhgac.gateway.onvif.media.VideoEncoderSettings;
import io.canhgac.gateway.onvif.media.VideoEncoding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileChoiceTest {

    private static MediaProfile profile(String token, VideoEncoding encoding, int width, int height) {
        return new MediaProfile(token, token, true, "src",
                new VideoEncoderSettings("enc_" + token, encoding, width, height, 25, 1024, null, 0), false);
    }

    @Test
    void anH265MainStreamKeepsAnH264SubstreamForTheWall() {
        ProfileChoice choice = ProfileChoice.of(List.of(profile("main", VideoEncoding.H265, 2560, 1440),
                profile("sub", VideoEncoding.H264, 640, 360), profile("mjpeg", VideoEncoding.JPEG, 352, 288)));
        assertThat(choice.refusal()).isNull();
        assertThat(choice.main().token()).isEqualTo("main");
        assertThat(choice.sub().token()).as("the smallest H.264, not the smaller MJPEG").isEqualTo("sub");
    }

    @Test
    void anH265SubstreamIsPassedOverForALargerH264One() {
        ProfileChoice choice = ProfileChoice.of(List.of(profile("main", VideoEncoding.H264, 1920, 1080),
                profile("sub265", VideoEncoding.H265, 640, 360)));
        assertThat(choice.main().token()).isEqualTo("main");
        assertThat(choice.sub().token()).isEqualTo("main");
    }

    @Test
    void aCameraWithoutH264IsRefusedWithWhatToChange() {
        ProfileChoice choice = ProfileChoice.of(List.of(profile("a", VideoEncoding.H265, 2560, 1440),
                profile("b", VideoEncoding.H265, 640, 360)));
        assertThat(choice.refusal()).contains("no H.264 profile", "[H265]", "set its substream to H.264");
        assertThat(ProfileChoice.of(List.of()).refusal()).contains("no profile with a video encoder");
    }
}
