package io.canhgac.gateway.onvif.media;

import io.canhgac.gateway.onvif.Capture;
import io.canhgac.gateway.onvif.OnvifCaptureTest;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.SoapClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Media answers of the Axis, Hikvision and Pelco cameras, value by value. */
class MediaCaptureTest extends OnvifCaptureTest {

    private OnvifMediaClient media(OnvifOperation operation, String path) {
        SoapClient soap = replay(operation, path, 200);
        return new OnvifMediaClient(soap, camera().uri("/onvif/media"));
    }

    // ---- GetProfiles ------------------------------------------------------------------------

    private List<MediaProfile> profiles(String path) throws OnvifException {
        List<MediaProfile> profiles = media(OnvifOperation.GET_PROFILES, path).getProfiles();
        assertRequestLikeCaptured(path);
        return verifyProfiles(profiles);
    }

    @Test
    @Capture("axis/media/GetProfiles.Response.xml")
    void axisProfiles() throws Exception {
        List<MediaProfile> profiles = profiles("axis/media/GetProfiles.Response.xml");
        assertThat(profiles).extracting(MediaProfile::token).containsExactly("profile_1_h264", "profile_1_jpeg");
        MediaProfile h264 = profiles.get(0);
        assertThat(h264.name()).isEqualTo("profile_1 h264");
        assertThat(h264.fixed()).isFalse();
        assertThat(h264.videoSourceToken()).isEqualTo("0");
        assertThat(h264.ptzConfigured()).isTrue();
        assertVideo(h264, VideoEncoding.H264, 1280, 720, 30, 0);
        assertThat(h264.video().token()).isEqualTo("default_1_h264");
        assertThat(h264.video().h264Profile()).isEqualTo(H264Profile.MAIN);
        assertThat(h264.video().govLength()).isEqualTo(32);
        MediaProfile jpeg = profiles.get(1);
        assertThat(jpeg.name()).isEqualTo("profile_1 jpeg");
        assertVideo(jpeg, VideoEncoding.JPEG, 1280, 720, 30, 0);
        assertThat(jpeg.video().h264Profile()).isNull();
        assertThat(jpeg.ptzConfigured()).isTrue();
    }

    @Test
    @Capture("hikvision/media/GetProfiles.Response.xml")
    void hikvisionProfiles() throws Exception {
        List<MediaProfile> profiles = profiles("hikvision/media/GetProfiles.Response.xml");
        assertThat(profiles).extracting(MediaProfile::token).containsExactly("Profile_1", "Profile_2", "Profile_3");
        assertThat(profiles).extracting(MediaProfile::name).containsExactly("mainStream", "subStream", "thirdStream");
        assertThat(profiles).allSatisfy(p -> {
            assertThat(p.fixed()).isTrue();
            assertThat(p.videoSourceToken()).isEqualTo("VideoSource_1");
            assertThat(p.ptzConfigured()).isTrue();
        });
        assertVideo(profiles.get(0), VideoEncoding.H264, 1280, 720, 10, 4096);
        assertThat(profiles.get(0).video().h264Profile()).isEqualTo(H264Profile.BASELINE);
        assertThat(profiles.get(0).video().govLength()).isEqualTo(5);
        assertVideo(profiles.get(1), VideoEncoding.H264, 704, 480, 30, 1024);
        assertThat(profiles.get(1).video().h264Profile()).isEqualTo(H264Profile.MAIN);
        assertThat(profiles.get(1).video().govLength()).isEqualTo(50);
        assertVideo(profiles.get(2), VideoEncoding.H264, 704, 480, 30, 1024);
        assertThat(profiles.get(2).video().token()).isEqualTo("VideoEncoderToken_3");
    }

    @Test
    @Capture("pelco/media/GetProfiles.Response.xml")
    void pelcoProfiles() throws Exception {
        List<MediaProfile> profiles = profiles("pelco/media/GetProfiles.Response.xml");
        assertThat(profiles).extracting(MediaProfile::token).containsExactly("0", "1");
        assertThat(profiles).extracting(MediaProfile::name).containsExactly("Primary", "Secondary");
        assertVideo(profiles.get(0), VideoEncoding.H264, 1920, 1080, 30, 6000);
        assertThat(profiles.get(0).video().h264Profile()).isEqualTo(H264Profile.HIGH);
        assertThat(profiles.get(0).video().govLength()).isEqualTo(30);
        assertVideo(profiles.get(1), VideoEncoding.JPEG, 1920, 1080, 5, 5000);
        assertThat(profiles).allSatisfy(p -> assertThat(p.ptzConfigured()).isTrue());
    }

    @Test
    void ownFixtureMainAndSubstream() throws Exception {
        List<MediaProfile> profiles = verifyProfiles(ProfilesParser.parse(fixtureResponse("GetProfiles.Response.xml")));
        assertThat(profiles).extracting(MediaProfile::token).containsExactly("main", "sub");
        assertVideo(profiles.get(0), VideoEncoding.H264, 1280, 720, 25, 2048);
        assertVideo(profiles.get(1), VideoEncoding.H264, 640, 360, 10, 512);
        assertThat(profiles.get(1).video().h264Profile()).isEqualTo(H264Profile.BASELINE);
        assertThat(profiles.get(0).ptzConfigured()).isTrue();
        assertThat(profiles.get(1).ptzConfigured()).isFalse();
    }

    // ---- GetStreamUri -----------------------------------------------------------------------

    private StreamUri streamUri(String path, String token) throws OnvifException {
        StreamUri uri = media(OnvifOperation.GET_STREAM_URI, path).getStreamUri(token);
        assertRequestLikeCaptured(path);
        verify(uri.media(), "rtsp");
        return uri;
    }

    @Test
    @Capture("axis/media/GetStreamUri.Response.xml")
    void axisStreamUri() throws Exception {
        assertThat(streamUri("axis/media/GetStreamUri.Response.xml", "profile_1_jpeg")).isEqualTo(new StreamUri(new MediaUri(
                uri("rtsp://192.168.0.19/onvif-media/media.amp?profile=profile_1_jpeg&sessiontimeout=60&streamtype=unicast"),
                false, false, Duration.ZERO)));
    }

    @Test
    @Capture("hikvision/media/GetStreamUri.Response.xml")
    void hikvisionStreamUri() throws Exception {
        assertThat(streamUri("hikvision/media/GetStreamUri.Response.xml", "Profile_3")).isEqualTo(new StreamUri(new MediaUri(
                uri("rtsp://10.10.1.60:554/Streaming/Channels/3?transportmode=unicast&profile=Profile_3"),
                false, false, Duration.ofSeconds(60))));
    }

    @Test
    @Capture("pelco/media/GetStreamUri.Response.xml")
    void pelcoStreamUri() throws Exception {
        StreamUri uri = streamUri("pelco/media/GetStreamUri.Response.xml", "1");
        assertThat(uri.uri()).isEqualTo(uri("rtsp://10.10.1.66/stream2_v"));
        assertThat(uri.media().timeout()).isEqualTo(Duration.ofMinutes(15));
    }

    // ---- GetSnapshotUri ---------------------------------------------------------------------

    private SnapshotUri snapshotUri(String path, String token) throws OnvifException {
        SnapshotUri uri = media(OnvifOperation.GET_SNAPSHOT_URI, path).getSnapshotUri(token);
        assertRequestLikeCaptured(path);
        verify(uri.media(), "http");
        return uri;
    }

    @Test
    @Capture("axis/media/GetSnapshotUri.Response.xml")
    void axisSnapshotUri() throws Exception {
        assertThat(snapshotUri("axis/media/GetSnapshotUri.Response.xml", "profile_1_jpeg")).isEqualTo(new SnapshotUri(new MediaUri(
                uri("http://192.168.0.19/onvif-cgi/jpg/image.cgi?resolution=1280x720&compression=20"), false, false, Duration.ZERO)));
    }

    @Test
    @Capture("hikvision/media/GetSnapshotUri.Response.xml")
    void hikvisionSnapshotUri() throws Exception {
        assertThat(snapshotUri("hikvision/media/GetSnapshotUri.Response.xml", "Profile_3").uri())
                .isEqualTo(uri("http://10.10.1.60/onvif/snapshot"));
    }

    @Test
    @Capture("pelco/media/GetSnapshotUri.Response.xml")
    void pelcoSnapshotUri() throws Exception {
        assertThat(snapshotUri("pelco/media/GetSnapshotUri.Response.xml", "1")).isEqualTo(new SnapshotUri(new MediaUri(
                uri("http://10.10.1.66/jpeg"), false, false, Duration.ZERO)));
    }
}
