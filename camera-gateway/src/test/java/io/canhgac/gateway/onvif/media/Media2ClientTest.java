package io.canhgac.gateway.onvif.media;

import io.canhgac.gateway.onvif.OnvifCaptureTest;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.device.ServiceAddresses;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Media2 (ver20), on fixtures of our own construction: the captured cameras predate it. */
class Media2ClientTest extends OnvifCaptureTest {

    private static final String SOAP = "application/soap+xml; charset=utf-8";

    @Test
    void profilesWithH265AreReadWithTheirConfigurations() throws Exception {
        var soap = replayFixture(OnvifOperation.GET_PROFILES_2, "media2/GetProfiles.Response.xml", 200, SOAP);
        List<MediaProfile> profiles = new OnvifMedia2Client(soap, camera().uri("/onvif/media2")).getProfiles();
        assertThat(camera().lastRequest().bodyText()).contains("<tr2:GetProfiles><tr2:Type>All</tr2:Type></tr2:GetProfiles>");
        assertThat(profiles).extracting(MediaProfile::token).containsExactly("Profile_000", "Profile_001", "Profile_002", "Profile_Audio");
        verifyProfiles(profiles);
        assertVideo(profiles.get(0), VideoEncoding.H265, 2560, 1440, 20, 3072);
        assertThat(profiles.get(0).video().h264Profile()).as("an H.265 encoder has no H.264 profile").isNull();
        assertThat(profiles.get(0).video().govLength()).isZero();
        assertThat(profiles.get(0)).extracting(MediaProfile::name, MediaProfile::fixed, MediaProfile::videoSourceToken,
                MediaProfile::ptzConfigured).containsExactly("MainStream", true, "VideoSource_0", true);
        assertVideo(profiles.get(1), VideoEncoding.H264, 640, 360, 20, 512);
        assertThat(profiles.get(1).video()).extracting(VideoEncoderSettings::h264Profile, VideoEncoderSettings::govLength)
                .containsExactly(H264Profile.HIGH, 40);
        assertVideo(profiles.get(2), VideoEncoding.JPEG, 352, 288, 0, 0);
        assertThat(profiles.get(2).ptzConfigured()).isFalse();
        assertThat(profiles.get(3).videoEncoder()).isEmpty();
    }

    @Test
    void streamUriIsTheBareUri() throws Exception {
        var soap = replayFixture(OnvifOperation.GET_STREAM_URI_2, "media2/GetStreamUri.Response.xml", 200, SOAP);
        StreamUri uri = new OnvifMedia2Client(soap, camera().uri("/onvif/media2")).getStreamUri("Profile_001");
        assertThat(camera().lastRequest().bodyText())
                .contains("<tr2:GetStreamUri><tr2:Protocol>RTSP</tr2:Protocol><tr2:ProfileToken>Profile_001</tr2:ProfileToken>");
        assertThat(verify(uri.media(), "rtsp").uri())
                .isEqualTo(URI.create("rtsp://10.1.3.21:554/Streaming/Channels/102?transportmode=unicast"));
        assertThat(uri.media().invalidAfterReboot()).isTrue();
    }

    @Test
    void mediaIsPreferredAndMedia2UsedWhenItIsTheOnlyOne() {
        URI device = URI.create("http://10.1.3.21/onvif/device_service");
        URI media = URI.create("http://10.1.3.21/onvif/media");
        URI media2 = URI.create("http://10.1.3.21/onvif/media2");
        assertThat(CameraMedia.of(client(), new ServiceAddresses(Map.of(OnvifService.MEDIA, media, OnvifService.MEDIA2, media2)),
                device).service()).isEqualTo(OnvifService.MEDIA);
        assertThat(CameraMedia.of(client(), new ServiceAddresses(Map.of(OnvifService.MEDIA2, media2)), device).service())
                .isEqualTo(OnvifService.MEDIA2);
        assertThat(CameraMedia.of(client(), new ServiceAddresses(Map.of()), device).service()).isEqualTo(OnvifService.MEDIA);
    }
}
