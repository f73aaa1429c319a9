package io.canhgac.simulator.onvif;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Device and media services over a real loopback socket, as a client sees them. */
@Timeout(60)
class OnvifDeviceServerTest {

    private static EventLoopGroup group;
    private static OnvifDevice device;
    private static OnvifDeviceServer server;
    private static OnvifSoapClient client;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        group = new NioEventLoopGroup(1);
        device = TestDevices.device();
        server = new OnvifDeviceServer(group, new InetSocketAddress("127.0.0.1", 0), device);
        server.start();
        base = "http://127.0.0.1:" + server.address().getPort();
        client = new OnvifSoapClient(base, TestDevices.USER, TestDevices.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.stop();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void refusesToServeBeyondLoopback() {
        assertThatThrownBy(() -> new OnvifDeviceServer(group, new InetSocketAddress("0.0.0.0", 0), device))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deviceInformationIsTheIdentity() throws Exception {
        OnvifSoapClient.Reply r = client.call("/onvif/device_service", "<tds:GetDeviceInformation/>");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("//tds:GetDeviceInformationResponse/tds:Manufacturer")).isEqualTo("Canh Gac");
        assertThat(r.text("//tds:GetDeviceInformationResponse/tds:Model")).isEqualTo("CG-PTZ-720");
        assertThat(r.text("//tds:GetDeviceInformationResponse/tds:FirmwareVersion")).isEqualTo("1.4.2 build 260101");
        assertThat(r.text("//tds:GetDeviceInformationResponse/tds:SerialNumber")).isEqualTo("CG20260001");
        assertThat(r.text("//tds:GetDeviceInformationResponse/tds:HardwareId")).isEqualTo("CG-HW-3");
    }

    @Test
    void capabilitiesPointAtTheBoundAddress() throws Exception {
        OnvifSoapClient.Reply r = client.call("/onvif/device_service", "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>");
        assertThat(r.text("//tds:Capabilities/tt:Device/tt:XAddr")).isEqualTo(base + "/onvif/device_service");
        assertThat(r.text("//tds:Capabilities/tt:Media/tt:XAddr")).isEqualTo(base + "/onvif/media_service");
        assertThat(r.text("//tds:Capabilities/tt:Events/tt:XAddr")).isEqualTo(base + "/onvif/events_service");
        assertThat(r.text("//tds:Capabilities/tt:PTZ/tt:XAddr")).isEqualTo(base + "/onvif/ptz_service");
        assertThat(r.text("//tt:Events/tt:WSPullPointSupport")).isEqualTo("true");

        OnvifSoapClient.Reply mediaOnly = client.call("/onvif/device_service", "<tds:GetCapabilities><tds:Category>Media</tds:Category></tds:GetCapabilities>");
        assertThat(mediaOnly.count("//tds:Capabilities/*")).isEqualTo(1);
        OnvifSoapClient.Reply analytics = client.call("/onvif/device_service", "<tds:GetCapabilities><tds:Category>Analytics</tds:Category></tds:GetCapabilities>");
        assertThat(analytics.faultSubcodes()).containsExactly("ter:ActionNotSupported", "ter:NoSuchService");
    }

    @Test
    void servicesListSixNamespacesWithCapabilitiesOnRequest() throws Exception {
        OnvifSoapClient.Reply r = client.call("/onvif/device_service", "<tds:GetServices><tds:IncludeCapability>true</tds:IncludeCapability></tds:GetServices>");
        assertThat(r.texts("//tds:Service/tds:Namespace"))
                .containsExactly(Ns.TDS.uri(), Ns.TRT.uri(), Ns.TR2.uri(), Ns.TIMG.uri(), Ns.TEV.uri(), Ns.TPTZ.uri());
        assertThat(r.texts("//tds:Service/tds:XAddr")).allMatch(x -> x.startsWith(base + "/onvif/"));
        assertThat(r.text("//tds:Service[tds:Namespace='" + Ns.TRT.uri() + "']/tds:Capabilities/trt:Capabilities/@SnapshotUri")).isEqualTo("true");
        OnvifSoapClient.Reply bare = client.call("/onvif/device_service", "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>");
        assertThat(bare.count("//tds:Service/tds:Capabilities")).isZero();
    }

    @Test
    void scopesAdvertiseNameHardwareAndLocation() throws Exception {
        OnvifSoapClient.Reply r = client.call("/onvif/device_service", "<tds:GetScopes/>");
        assertThat(r.texts("//tds:Scopes/tt:ScopeItem")).contains(
                "onvif://www.onvif.org/type/video_encoder",
                "onvif://www.onvif.org/name/C%E1%BB%95ng%20UBND%20x%C3%A3%20Qu%E1%BA%BF%20L%E1%BB%99c",
                "onvif://www.onvif.org/hardware/CG-PTZ-720",
                "onvif://www.onvif.org/location/vn/quang-nam/nong-son/que-loc");
    }

    @Test
    void profilesAreMain720pAndSub360p() throws Exception {
        OnvifSoapClient.Reply r = client.call("/onvif/media_service", "<trt:GetProfiles/>");
        assertThat(r.texts("//trt:Profiles/@token")).containsExactly("main", "sub");
        assertThat(r.text("//trt:Profiles[@token='main']/tt:VideoEncoderConfiguration/tt:Resolution/tt:Width")).isEqualTo("1280");
        assertThat(r.text("//trt:Profiles[@token='main']/tt:VideoEncoderConfiguration/tt:Resolution/tt:Height")).isEqualTo("720");
        assertThat(r.text("//trt:Profiles[@token='sub']/tt:VideoEncoderConfiguration/tt:Resolution/tt:Width")).isEqualTo("640");
        assertThat(r.text("//trt:Profiles[@token='sub']/tt:VideoEncoderConfiguration/tt:Resolution/tt:Height")).isEqualTo("360");
        assertThat(r.text("//trt:Profiles[@token='sub']/tt:VideoEncoderConfiguration/tt:Encoding")).isEqualTo("H264");
        assertThat(r.text("//trt:Profiles[@token='sub']/tt:VideoEncoderConfiguration/tt:RateControl/tt:FrameRateLimit")).isEqualTo("10");
        assertThat(r.text("//trt:Profiles[@token='sub']/tt:VideoEncoderConfiguration/tt:RateControl/tt:BitrateLimit")).isEqualTo("512");
        assertThat(r.text("//trt:Profiles[@token='sub']/tt:VideoSourceConfiguration/@token")).isEqualTo(MediaService.VIDEO_SOURCE_CONFIGURATION);
        assertThat(r.text("//trt:Profiles[@token='sub']/tt:PTZConfiguration/tt:NodeToken")).isEqualTo(MediaService.PTZ_NODE);
    }

    @Test
    void streamUriForEachProfileAndAFaultForAnUnknownOne() throws Exception {
        for (String token : new String[]{"main", "sub"}) {
            OnvifSoapClient.Reply r = client.call("/onvif/media_service", "<trt:GetStreamUri><trt:StreamSetup>"
                    + "<tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport>"
                    + "</trt:StreamSetup><trt:ProfileToken>" + token + "</trt:ProfileToken></trt:GetStreamUri>");
            assertThat(r.text("//trt:MediaUri/tt:Uri")).isEqualTo(TestDevices.rtsp(token).toString());
        }
        OnvifSoapClient.Reply unknown = client.call("/onvif/media_service",
                "<trt:GetStreamUri><trt:ProfileToken>profile_1_jpeg</trt:ProfileToken></trt:GetStreamUri>");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.faultCode()).isEqualTo("env:Sender");
        assertThat(unknown.faultSubcodes()).containsExactly("ter:InvalidArgVal", "ter:NoProfile");
        OnvifSoapClient.Reply multicast = client.call("/onvif/media_service", "<trt:GetStreamUri><trt:StreamSetup>"
                + "<tt:Stream>RTP-Multicast</tt:Stream></trt:StreamSetup><trt:ProfileToken>sub</trt:ProfileToken></trt:GetStreamUri>");
        assertThat(multicast.faultSubcodes()).containsExactly("ter:InvalidArgVal", "ter:InvalidStreamSetup");
    }

    @Test
    void snapshotUriServesARealJpegBehindDigest() throws Exception {
        OnvifSoapClient.Reply r = client.call("/onvif/media_service", "<trt:GetSnapshotUri><trt:ProfileToken>sub</trt:ProfileToken></trt:GetSnapshotUri>");
        String uri = r.text("//trt:MediaUri/tt:Uri");
        assertThat(uri).startsWith(base + "/onvif/");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> challenge = http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(challenge.statusCode()).isEqualTo(401);
        String wwwAuthenticate = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();

        HttpResponse<byte[]> wrong = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", digestAuthorization(wwwAuthenticate, uri, TestDevices.USER, "guess")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(wrong.statusCode()).isEqualTo(401);

        HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", digestAuthorization(wwwAuthenticate, uri, TestDevices.USER, TestDevices.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(ok.body()).startsWith((byte) 0xFF, (byte) 0xD8); // JPEG SOI
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ok.body()));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
    }

    @Test
    void aPasswordChangedAtRunTimeLocksOutTheOldOne() throws Exception {
        OnvifDevice own = TestDevices.device(TestDevices.identity("CG-PW-1", "pw"), java.time.Clock.systemUTC());
        OnvifDeviceServer s = new OnvifDeviceServer(group, new InetSocketAddress("127.0.0.1", 0), own);
        s.start();
        try {
            String url = "http://127.0.0.1:" + s.address().getPort();
            OnvifSoapClient old = new OnvifSoapClient(url, TestDevices.USER, TestDevices.PASSWORD);
            assertThat(old.call("/onvif/device_service", "<tds:GetDeviceInformation/>").status()).isEqualTo(200);
            own.credentials().changePassword("changed-by-someone");
            OnvifSoapClient.Reply refused = old.call("/onvif/device_service", "<tds:GetDeviceInformation/>");
            assertThat(refused.faultSubcodes()).containsExactly("ter:NotAuthorized");
            OnvifSoapClient fresh = new OnvifSoapClient(url, TestDevices.USER, "changed-by-someone");
            assertThat(fresh.call("/onvif/device_service", "<tds:GetDeviceInformation/>").status()).isEqualTo(200);
            // And a restart (power cycle) keeps the port.
            int port = s.address().getPort();
            s.stop();
            s.start();
            assertThat(s.address().getPort()).isEqualTo(port);
            assertThat(fresh.callAnonymous("/onvif/device_service", "<tds:GetSystemDateAndTime/>").status()).isEqualTo(200);
        } finally {
            s.stop();
        }
    }

    /** RFC 7616 Digest with qop=auth and MD5, as a client computes it. */
    static String digestAuthorization(String challenge, String uri, String user, String password) {
        String realm = param(challenge, "realm");
        String nonce = param(challenge, "nonce");
        String path = URI.create(uri).getRawPath() + "?" + URI.create(uri).getRawQuery();
        String cnonce = "0a4f113b";
        String nc = "00000001";
        String ha1 = HttpDigestAuthenticator.md5(user + ":" + realm + ":" + password);
        String ha2 = HttpDigestAuthenticator.md5("GET:" + path);
        String response = HttpDigestAuthenticator.md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + path
                + "\", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response + "\", algorithm=MD5";
    }

    private static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(header);
        assertThat(m.find()).as(name + " in " + header).isTrue();
        return m.group(1);
    }
}
