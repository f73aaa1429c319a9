package io.canhgac.gateway.onvif.ptz;

import io.canhgac.gateway.onvif.Capture;
import io.canhgac.gateway.onvif.OnvifCaptureTest;
import io.canhgac.gateway.onvif.OnvifOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Absolute and relative moves, presets set and removed, against the answers of the Axis,
 * Hikvision and Pelco cameras: our request equals the one each camera accepted (the captures move
 * to pan 0.1, tilt 0.3, zoom 0 and store "testPreset"), and its answer is read.
 */
class PtzMoveCaptureTest extends OnvifCaptureTest {

    private OnvifPtzClient ptz(OnvifOperation operation, String path) {
        return new OnvifPtzClient(replay(operation, path, 200), camera().uri("/onvif/ptz"));
    }

    /** Moves to the captures' position and by their translation, stores "testPreset" and removes it. */
    private void movesAndPresets(String vendor, String profile, String presetToken) throws Exception {
        String absolute = vendor + "/ptz/AbsoluteMove.Response.xml";
        ptz(OnvifOperation.ABSOLUTE_MOVE, absolute).absoluteMove(profile,
                new PtzPosition(OptionalDouble.of(0.1), OptionalDouble.of(0.3), OptionalDouble.of(0)));
        assertRequestLikeCaptured(absolute);
        String relative = vendor + "/ptz/RelativeMove.Response.xml";
        ptz(OnvifOperation.RELATIVE_MOVE, relative).relativeMove(profile, new PtzVelocity(0.1, 0.3, 0));
        assertRequestLikeCaptured(relative);
        String set = vendor + "/ptz/SetPreset.Response.xml";
        assertThat(ptz(OnvifOperation.SET_PRESET, set).setPreset(profile, "testPreset", null)).isEqualTo(presetToken);
        assertRequestLikeCaptured(set);
        String remove = vendor + "/ptz/RemovePreset.Response.xml";
        ptz(OnvifOperation.REMOVE_PRESET, remove).removePreset(profile, presetToken);
        assertRequestLikeCaptured(remove);
    }

    @Test
    @Capture("axis/ptz/AbsoluteMove.Response.xml")
    @Capture("axis/ptz/RelativeMove.Response.xml")
    @Capture("axis/ptz/SetPreset.Response.xml")
    @Capture("axis/ptz/RemovePreset.Response.xml")
    void axisMovesAndPresets() throws Exception {
        movesAndPresets("axis", "profile_1_h264", "23");
    }

    @Test
    @Capture("hikvision/ptz/AbsoluteMove.Response.xml")
    @Capture("hikvision/ptz/RelativeMove.Response.xml")
    @Capture("hikvision/ptz/SetPreset.Response.xml")
    @Capture("hikvision/ptz/RemovePreset.Response.xml")
    void hikvisionMovesAndPresets() throws Exception {
        // 6: the free slot Hikvision's GetPresets capture lacks
        movesAndPresets("hikvision", "Profile_1", "6");
    }

    @Test
    @Capture("pelco/ptz/AbsoluteMove.Response.xml")
    @Capture("pelco/ptz/RelativeMove.Response.xml")
    @Capture("pelco/ptz/SetPreset.Response.xml")
    @Capture("pelco/ptz/RemovePreset.Response.xml")
    void pelcoMovesAndPresets() throws Exception {
        movesAndPresets("pelco", "0", "76240dd2-26dd-48f1-bacf-a858550a14cc");
    }

    @ParameterizedTest
    @CsvSource({"0.5, , ", ", 0.5, ", ", , "})
    void anAbsoluteMoveWithHalfAPanTiltIsRefusedBeforeSending(Double pan, Double tilt, Double zoom) {
        PtzPosition p = new PtzPosition(opt(pan), opt(tilt), opt(zoom));
        assertThatThrownBy(() -> new OnvifPtzClient(client(), camera().uri("/onvif/ptz")).absoluteMove("p", p))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(camera().requests()).isEmpty();
    }

    @Test
    void anOverwrittenPresetNamesItsToken() throws Exception {
        camera().reply(OnvifOperation.SET_PRESET, io.canhgac.gateway.onvif.FakeCamera.Reply.soap(("<s:Envelope xmlns:s=\""
                + "http://www.w3.org/2003/05/soap-envelope\" xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\"><s:Body>"
                + "<tptz:SetPresetResponse><tptz:PresetToken>4</tptz:PresetToken></tptz:SetPresetResponse></s:Body></s:Envelope>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String token = new OnvifPtzClient(client(), camera().uri("/onvif/ptz")).setPreset("p", "Cầu Nông Sơn", "4");
        assertThat(token).isEqualTo("4");
        assertThat(camera().lastRequest().bodyText()).contains("<tptz:PresetName>Cầu Nông Sơn</tptz:PresetName>",
                "<tptz:PresetToken>4</tptz:PresetToken>");
    }

    private static OptionalDouble opt(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
