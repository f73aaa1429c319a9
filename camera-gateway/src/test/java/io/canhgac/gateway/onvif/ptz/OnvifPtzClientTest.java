package io.canhgac.gateway.onvif.ptz;

import io.canhgac.gateway.onvif.FakeCamera;
import io.canhgac.gateway.onvif.FakeCamera.Reply;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.SoapClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PTZ requests as a camera receives them; always runs. */
class OnvifPtzClientTest {

    private static final String TPTZ = "http://www.onvif.org/ver20/ptz/wsdl";
    private static final String TT = "http://www.onvif.org/ver10/schema";

    private FakeCamera camera;
    private OnvifPtzClient ptz;

    @BeforeEach
    void start() throws Exception {
        camera = new FakeCamera();
        for (OnvifOperation op : List.of(OnvifOperation.CONTINUOUS_MOVE, OnvifOperation.STOP, OnvifOperation.GOTO_PRESET)) {
            camera.reply(op, Reply.soap(empty(op.responseElement())));
        }
        ptz = new OnvifPtzClient(new SoapClient(OnvifClientSettings.DEFAULTS, new OnvifCredentials("op", "pw")), camera.uri("/onvif/ptz"));
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    @Test
    void panAndTiltWithATimeout() throws Exception {
        ptz.continuousMove("main", new PtzVelocity(0.25, -0.5, 0), Duration.ofSeconds(2));
        Element body = camera.lastRequest().bodyElement();
        assertThat(body.getNamespaceURI()).isEqualTo(TPTZ);
        assertThat(body.getLocalName()).isEqualTo("ContinuousMove");
        Element panTilt = (Element) body.getElementsByTagNameNS(TT, "PanTilt").item(0);
        assertThat(panTilt.getAttribute("x")).isEqualTo("0.25");
        assertThat(panTilt.getAttribute("y")).isEqualTo("-0.5");
        assertThat(body.getElementsByTagNameNS(TT, "Zoom").getLength()).as("no zoom element when not zooming").isZero();
        assertThat(body.getElementsByTagNameNS(TPTZ, "Timeout").item(0).getTextContent()).isEqualTo("PT2S");
        assertThat(camera.lastRequest().header("Content-Type")).contains("action=\"http://www.onvif.org/ver20/ptz/wsdl/ContinuousMove\"");
    }

    @Test
    void zoomAloneSendsNoPanTilt() throws Exception {
        ptz.continuousMove("main", new PtzVelocity(0, 0, -0.00001), null);
        Element body = camera.lastRequest().bodyElement();
        assertThat(body.getElementsByTagNameNS(TT, "PanTilt").getLength()).isZero();
        assertThat(((Element) body.getElementsByTagNameNS(TT, "Zoom").item(0)).getAttribute("x"))
                .as("plain decimal, no exponent").isEqualTo("-0.00001");
        assertThat(body.getElementsByTagNameNS(TPTZ, "Timeout").getLength()).isZero();
    }

    @Test
    void tokensAreEscaped() throws Exception {
        ptz.gotoPreset("a<b&c", "p\"1'");
        Element body = camera.lastRequest().bodyElement();
        assertThat(body.getElementsByTagNameNS(TPTZ, "ProfileToken").item(0).getTextContent()).isEqualTo("a<b&c");
        assertThat(body.getElementsByTagNameNS(TPTZ, "PresetToken").item(0).getTextContent()).isEqualTo("p\"1'");
        ptz.stop("a<b&c");
        assertThat(camera.lastRequest().bodyElement().getLocalName()).isEqualTo("Stop");
    }

    @Test
    void presetWithPanTiltOnly() throws Exception {
        camera.reply(OnvifOperation.GET_PRESETS, Reply.soap(("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:tptz=\"" + TPTZ + "\" xmlns:tt=\"" + TT + "\"><env:Body><tptz:GetPresetsResponse>"
                + "<tptz:Preset token=\"gate\"><tt:Name>Cổng UBND xã</tt:Name><tt:PTZPosition><tt:PanTilt x=\"-0.5\" y=\"0.1\"/>"
                + "</tt:PTZPosition></tptz:Preset></tptz:GetPresetsResponse></env:Body></env:Envelope>").getBytes(StandardCharsets.UTF_8)));
        assertThat(ptz.getPresets("main")).containsExactly(new PtzPreset("gate", "Cổng UBND xã",
                new PtzPosition(OptionalDouble.of(-0.5), OptionalDouble.of(0.1), OptionalDouble.empty())));
    }

    @Test
    void velocityOutsideTheGenericSpaceIsRefused() {
        assertThatThrownBy(() -> new PtzVelocity(1.5, 0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pan");
        assertThatThrownBy(() -> new PtzVelocity(0, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tilt");
        assertThat(OnvifPtzClient.number(1.0)).isEqualTo("1");
        assertThat(OnvifPtzClient.number(-0.0)).isEqualTo("0");
    }

    private static byte[] empty(String responseElement) {
        return ("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:tptz=\"" + TPTZ + "\"><env:Body>"
                + "<tptz:" + responseElement + "/></env:Body></env:Envelope>").getBytes(StandardCharsets.UTF_8);
    }
}
