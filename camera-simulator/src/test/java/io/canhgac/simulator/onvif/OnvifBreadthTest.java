package io.canhgac.simulator.onvif;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The breadth a district's cameras have: Media2, imaging, the topic list, absolute and relative
 * moves, presets set and removed, and the SOAP 1.1 and Media2-only firmwares.
 */
@Timeout(30)
class OnvifBreadthTest {

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final List<OnvifDeviceServer> servers = new ArrayList<>();

    private OnvifSoapClient start(OnvifDevice device) throws Exception {
        OnvifDeviceServer server = new OnvifDeviceServer(group, new InetSocketAddress("127.0.0.1", 0), device);
        server.start();
        servers.add(server);
        return new OnvifSoapClient("http://127.0.0.1:" + server.address().getPort(), TestDevices.USER, TestDevices.PASSWORD);
    }

    @AfterEach
    void stop() {
        servers.forEach(OnvifDeviceServer::stop);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void media2ListsProfilesWithConfigurationsOnlyWhenAskedAndServesTheSameUris() throws Exception {
        OnvifSoapClient client = start(TestDevices.device());
        OnvifSoapClient.Reply bare = client.call("/onvif/media2_service", "<tr2:GetProfiles/>");
        assertThat(bare.texts("//tr2:Profiles/@token")).containsExactly("main", "sub");
        assertThat(bare.count("//tr2:Configurations")).isZero();
        OnvifSoapClient.Reply all = client.call("/onvif/media2_service", "<tr2:GetProfiles><tr2:Type>All</tr2:Type></tr2:GetProfiles>");
        assertThat(all.texts("//tr2:VideoEncoder/tt:Encoding")).containsExactly("H264", "H264");
        assertThat(all.texts("//tr2:VideoEncoder/tt:Resolution/tt:Width")).containsExactly("1280", "640");
        assertThat(all.texts("//tr2:VideoEncoder/@Profile")).containsExactly("Main", "Baseline");
        assertThat(all.count("//tr2:Configurations/tr2:PTZ")).isEqualTo(2);
        OnvifSoapClient.Reply uri = client.call("/onvif/media2_service",
                "<tr2:GetStreamUri><tr2:Protocol>RTSP</tr2:Protocol><tr2:ProfileToken>sub</tr2:ProfileToken></tr2:GetStreamUri>");
        assertThat(uri.text("//tr2:Uri")).isEqualTo(TestDevices.rtsp("sub").toString());
        OnvifSoapClient.Reply udp = client.call("/onvif/media2_service",
                "<tr2:GetStreamUri><tr2:Protocol>RtspOverHttp</tr2:Protocol><tr2:ProfileToken>sub</tr2:ProfileToken></tr2:GetStreamUri>");
        assertThat(udp.faultSubcodes()).containsExactly("ter:InvalidArgVal", "ter:InvalidStreamSetup");
    }

    @Test
    void aMedia2OnlyFirmwareHasNoMediaService() throws Exception {
        OnvifSoapClient client = start(TestDevices.device().withFirmware(Firmware.MEDIA2_ONLY));
        OnvifSoapClient.Reply services = client.call("/onvif/device_service",
                "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>");
        assertThat(services.texts("//tds:Namespace")).contains(Ns.TR2.uri(), Ns.TIMG.uri()).doesNotContain(Ns.TRT.uri());
        assertThat(client.call("/onvif/device_service", "<tds:GetCapabilities/>").count("//tt:Media")).isZero();
        assertThat(client.call("/onvif/media_service", "<trt:GetProfiles/>").faultSubcodes()).containsExactly("ter:ActionNotSupported");
        assertThat(client.call("/onvif/media2_service", "<tr2:GetProfiles/>").texts("//tr2:Profiles/@token")).containsExactly("main", "sub");
    }

    @Test
    void imagingSettingsOfTheVideoSource() throws Exception {
        OnvifSoapClient client = start(TestDevices.device());
        OnvifSoapClient.Reply r = client.call("/onvif/imaging_service",
                "<timg:GetImagingSettings><timg:VideoSourceToken>VideoSource_1</timg:VideoSourceToken></timg:GetImagingSettings>");
        assertThat(r.text("//timg:ImagingSettings/tt:Brightness")).isEqualTo("50.0");
        assertThat(r.text("//timg:ImagingSettings/tt:IrCutFilter")).isIn("ON", "OFF");
        assertThat(client.call("/onvif/imaging_service",
                "<timg:GetImagingSettings><timg:VideoSourceToken>nope</timg:VideoSourceToken></timg:GetImagingSettings>")
                .faultSubcodes()).containsExactly("ter:InvalidArgVal", "ter:NoSource");
    }

    @Test
    void theTopicListNamesWhatTheCameraRaises() throws Exception {
        OnvifSoapClient client = start(TestDevices.device());
        OnvifSoapClient.Reply r = client.call("/onvif/events_service", "<tev:GetEventProperties/>");
        assertThat(r.count("//wstop:TopicSet/tns1:RuleEngine/CellMotionDetector/Motion/tt:MessageDescription")).isEqualTo(1);
        assertThat(r.texts("//wstop:TopicSet//tt:Data/tt:SimpleItemDescription/@Name")).containsExactly("IsMotion", "State");
        assertThat(r.count("//wstop:TopicSet/tns1:VideoSource/GlobalSceneChange/ImagingService")).isEqualTo(1);
    }

    @Test
    void absoluteAndRelativeMovesAndPresetsSetAndRemoved() throws Exception {
        OnvifDevice device = TestDevices.device();
        OnvifSoapClient client = start(device);
        client.call("/onvif/ptz_service", "<tptz:AbsoluteMove><tptz:ProfileToken>main</tptz:ProfileToken><tptz:Position>"
                + "<tt:PanTilt x=\"0.1\" y=\"0.3\"/><tt:Zoom x=\"0\"/></tptz:Position></tptz:AbsoluteMove>");
        assertThat(device.ptz().position()).isEqualTo(new PtzVector(0.1, 0.3, 0));
        client.call("/onvif/ptz_service", "<tptz:RelativeMove><tptz:ProfileToken>main</tptz:ProfileToken><tptz:Translation>"
                + "<tt:PanTilt x=\"0.2\" y=\"-0.1\"/><tt:Zoom x=\"0.5\"/></tptz:Translation></tptz:RelativeMove>");
        PtzVector moved = device.ptz().position();
        assertThat(moved.pan()).isCloseTo(0.3, within(1e-9));
        assertThat(moved.tilt()).isCloseTo(0.2, within(1e-9));
        assertThat(moved.zoom()).isCloseTo(0.5, within(1e-9));
        assertThat(client.call("/onvif/ptz_service", "<tptz:AbsoluteMove><tptz:ProfileToken>main</tptz:ProfileToken><tptz:Position>"
                + "<tt:PanTilt x=\"1.5\" y=\"0\"/></tptz:Position></tptz:AbsoluteMove>").faultSubcodes())
                .containsExactly("ter:InvalidArgVal", "ter:InvalidPosition");

        String token = client.call("/onvif/ptz_service", "<tptz:SetPreset><tptz:ProfileToken>main</tptz:ProfileToken>"
                + "<tptz:PresetName>Cầu treo</tptz:PresetName></tptz:SetPreset>").text("//tptz:PresetToken");
        assertThat(token).isEqualTo("4");
        assertThat(device.ptz().presets()).contains(new PtzPreset("4", "Cầu treo", moved));
        client.call("/onvif/ptz_service", "<tptz:RemovePreset><tptz:ProfileToken>main</tptz:ProfileToken>"
                + "<tptz:PresetToken>4</tptz:PresetToken></tptz:RemovePreset>");
        assertThat(device.ptz().presets()).extracting(PtzPreset::token).containsExactly("1", "2", "3");
        assertThat(client.call("/onvif/ptz_service", "<tptz:RemovePreset><tptz:ProfileToken>main</tptz:ProfileToken>"
                + "<tptz:PresetToken>4</tptz:PresetToken></tptz:RemovePreset>").faultSubcodes())
                .containsExactly("ter:InvalidArgVal", "ter:NoToken");
    }

    @Test
    void aSoap11FirmwareAnswersSoap12RequestsInSoap11WithDottedFaultCodes() throws Exception {
        OnvifDevice device = TestDevices.device().withFirmware(Firmware.SOAP11);
        OnvifSoapClient client = start(device);
        int port = servers.get(0).address().getPort();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/onvif/device_service"))
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(OnvifSoapClient.envelope("", "<tds:GetDeviceInformation/>"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/xml; charset=utf-8");
        assertThat(r.body()).contains("xmlns:env=\"" + Ns.SOAP11_ENVELOPE + "\"",
                "<faultcode>env:Client.ter:NotAuthorized</faultcode>", "<faultstring>");
        OnvifSoapClient.Reply ok = client.call("/onvif/device_service", "<tds:GetDeviceInformation/>");
        assertThat(ok.doc().getDocumentElement().getNamespaceURI()).isEqualTo(Ns.SOAP11_ENVELOPE);
        assertThat(ok.xml()).contains("<tds:Model>CG-PTZ-720</tds:Model>");
    }
}
