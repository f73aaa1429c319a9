package io.canhgac.simulator.onvif;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** PTZ over SOAP, observed through {@link PtzState} as the video side will read it. */
@Timeout(30)
class OnvifPtzTest {

    private EventLoopGroup group;
    private OnvifDevice device;
    private OnvifDeviceServer server;
    private OnvifSoapClient client;

    @BeforeEach
    void start() throws Exception {
        group = new NioEventLoopGroup(1);
        device = TestDevices.device();
        server = new OnvifDeviceServer(group, new InetSocketAddress("127.0.0.1", 0), device);
        server.start();
        client = new OnvifSoapClient("http://127.0.0.1:" + server.address().getPort(), TestDevices.USER, TestDevices.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void continuousMoveTurnsTheCameraUntilStop() throws Exception {
        assertThat(device.ptz().position()).isEqualTo(PtzVector.ZERO);
        OnvifSoapClient.Reply moved = client.call("/onvif/ptz_service", "<tptz:ContinuousMove><tptz:ProfileToken>main</tptz:ProfileToken>"
                + "<tptz:Velocity><tt:PanTilt x=\"0.5\" y=\"-0.25\"/><tt:Zoom x=\"0.2\"/></tptz:Velocity></tptz:ContinuousMove>");
        assertThat(moved.count("//tptz:ContinuousMoveResponse")).isEqualTo(1);
        assertThat(device.ptz().isMoving()).isTrue();
        Thread.sleep(400);
        OnvifSoapClient.Reply status = client.call("/onvif/ptz_service", "<tptz:GetStatus><tptz:ProfileToken>main</tptz:ProfileToken></tptz:GetStatus>");
        assertThat(status.text("//tt:MoveStatus/tt:PanTilt")).isEqualTo("MOVING");
        client.call("/onvif/ptz_service", "<tptz:Stop><tptz:ProfileToken>main</tptz:ProfileToken></tptz:Stop>");

        PtzVector stopped = device.ptz().position();
        assertThat(device.ptz().isMoving()).isFalse();
        // 0.5 of full speed for ~0.4-1 s: pan moved right, tilt down at half the rate, zoom in.
        assertThat(stopped.pan()).isBetween(0.15, 0.8);
        assertThat(stopped.tilt()).isCloseTo(-stopped.pan() / 2, within(0.01));
        assertThat(stopped.zoom()).isCloseTo(stopped.pan() * 0.4, within(0.01));
        Thread.sleep(200);
        assertThat(device.ptz().position()).isEqualTo(stopped);
        OnvifSoapClient.Reply idle = client.call("/onvif/ptz_service", "<tptz:GetStatus><tptz:ProfileToken>main</tptz:ProfileToken></tptz:GetStatus>");
        assertThat(idle.text("//tt:MoveStatus/tt:PanTilt")).isEqualTo("IDLE");
        assertThat(Double.parseDouble(idle.text("//tt:Position/tt:PanTilt/@x"))).isCloseTo(stopped.pan(), within(1e-5));
    }

    @Test
    void presetsAreListedAndGotoPresetJumpsThere() throws Exception {
        OnvifSoapClient.Reply presets = client.call("/onvif/ptz_service", "<tptz:GetPresets><tptz:ProfileToken>sub</tptz:ProfileToken></tptz:GetPresets>");
        assertThat(presets.texts("//tptz:Preset/@token")).containsExactly("1", "2", "3");
        assertThat(presets.texts("//tptz:Preset/tt:Name")).containsExactly("Home", "Gate", "Road");

        client.call("/onvif/ptz_service", "<tptz:GotoPreset><tptz:ProfileToken>sub</tptz:ProfileToken><tptz:PresetToken>3</tptz:PresetToken></tptz:GotoPreset>");
        assertThat(device.ptz().position()).isEqualTo(new PtzVector(0.6, -0.2, 0.5));

        OnvifSoapClient.Reply unknown = client.call("/onvif/ptz_service",
                "<tptz:GotoPreset><tptz:ProfileToken>sub</tptz:ProfileToken><tptz:PresetToken>22</tptz:PresetToken></tptz:GotoPreset>");
        assertThat(unknown.faultCode()).isEqualTo("env:Sender");
        assertThat(unknown.faultSubcodes()).containsExactly("ter:InvalidArgVal", "ter:NoToken");
        assertThat(device.ptz().position()).isEqualTo(new PtzVector(0.6, -0.2, 0.5));
    }

    @Test
    void badProfilesAndVelocitiesAreFaults() throws Exception {
        OnvifSoapClient.Reply noProfile = client.call("/onvif/ptz_service", "<tptz:Stop><tptz:ProfileToken>nope</tptz:ProfileToken></tptz:Stop>");
        assertThat(noProfile.faultSubcodes()).containsExactly("ter:InvalidArgVal", "ter:NoProfile");
        OnvifSoapClient.Reply nan = client.call("/onvif/ptz_service", "<tptz:ContinuousMove><tptz:ProfileToken>main</tptz:ProfileToken>"
                + "<tptz:Velocity><tt:PanTilt x=\"NaN\" y=\"0\"/></tptz:Velocity></tptz:ContinuousMove>");
        assertThat(nan.faultCode()).isEqualTo("env:Sender");
        assertThat(device.ptz().isMoving()).isFalse();
    }
}
