package io.canhgac.gateway.onvif.ptz;

import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlEscape;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/** The PTZ service of one camera: continuous, absolute and relative moves, stop and presets, always for a media profile. */
public final class OnvifPtzClient {

    private final SoapClient soap;
    private final URI endpoint;

    /** @param endpoint the PTZ service address from GetServices or GetCapabilities */
    public OnvifPtzClient(SoapClient soap, URI endpoint) {
        this.soap = soap;
        this.endpoint = endpoint;
    }

    /**
     * Starts moving at a speed until {@link #stop} or, when {@code timeout} is given, until it
     * runs out: the timeout keeps a camera from turning for ever when a Stop is lost on a bad link.
     *
     * @param timeout null to let the camera's default timeout apply
     */
    public void continuousMove(String profileToken, PtzVelocity velocity, Duration timeout) throws OnvifException {
        StringBuilder body = new StringBuilder("<tptz:ContinuousMove>")
                .append(profileToken(profileToken))
                .append("<tptz:Velocity>");
        boolean zooming = velocity.zoom() != 0;
        // axes that do not move are left out: cameras without zoom refuse a Zoom element
        if (velocity.pan() != 0 || velocity.tilt() != 0 || !zooming) {
            body.append("<tt:PanTilt x=\"").append(number(velocity.pan())).append("\" y=\"")
                    .append(number(velocity.tilt())).append("\"/>");
        }
        if (zooming) {
            body.append("<tt:Zoom x=\"").append(number(velocity.zoom())).append("\"/>");
        }
        body.append("</tptz:Velocity>");
        if (timeout != null) {
            body.append("<tptz:Timeout>").append(timeout).append("</tptz:Timeout>");
        }
        body.append("</tptz:ContinuousMove>");
        soap.call(endpoint, OnvifOperation.CONTINUOUS_MOVE, body.toString());
    }

    /** Stops pan, tilt and zoom (both default to true when left out, as cameras expect). */
    public void stop(String profileToken) throws OnvifException {
        soap.call(endpoint, OnvifOperation.STOP, "<tptz:Stop>" + profileToken(profileToken) + "</tptz:Stop>");
    }

    public List<PtzPreset> getPresets(String profileToken) throws OnvifException {
        return soap.call(endpoint, OnvifOperation.GET_PRESETS,
                "<tptz:GetPresets>" + profileToken(profileToken) + "</tptz:GetPresets>", PresetsParser::parse);
    }

    public void gotoPreset(String profileToken, String presetToken) throws OnvifException {
        soap.call(endpoint, OnvifOperation.GOTO_PRESET, "<tptz:GotoPreset>" + profileToken(profileToken)
                + "<tptz:PresetToken>" + XmlEscape.text(presetToken) + "</tptz:PresetToken></tptz:GotoPreset>");
    }

    /** Moves to a position; axes the position leaves out stay where they are. */
    public void absoluteMove(String profileToken, PtzPosition position) throws OnvifException {
        if (!position.isKnown() || position.pan().isPresent() != position.tilt().isPresent()) {
            // PanTilt is one element: a pan without a tilt would send the tilt to 0
            throw new IllegalArgumentException("an absolute move needs pan with tilt, zoom, or both: " + position);
        }
        soap.call(endpoint, OnvifOperation.ABSOLUTE_MOVE, "<tptz:AbsoluteMove>" + profileToken(profileToken)
                + "<tptz:Position>" + vector(position) + "</tptz:Position></tptz:AbsoluteMove>");
    }

    /** Moves by a translation in the generic space: a nudge from the camera page that needs no Stop. */
    public void relativeMove(String profileToken, PtzVelocity translation) throws OnvifException {
        PtzPosition by = new PtzPosition(OptionalDouble.of(translation.pan()), OptionalDouble.of(translation.tilt()),
                OptionalDouble.of(translation.zoom()));
        soap.call(endpoint, OnvifOperation.RELATIVE_MOVE, "<tptz:RelativeMove>" + profileToken(profileToken)
                + "<tptz:Translation>" + vector(by) + "</tptz:Translation></tptz:RelativeMove>");
    }

    /**
     * Stores the current position as a preset and returns the token the camera gave it.
     *
     * @param presetToken null for a new preset, or an existing token to overwrite
     */
    public String setPreset(String profileToken, String name, String presetToken) throws OnvifException {
        String body = "<tptz:SetPreset>" + profileToken(profileToken)
                + "<tptz:PresetName>" + XmlEscape.text(name) + "</tptz:PresetName>"
                + (presetToken == null ? "" : "<tptz:PresetToken>" + XmlEscape.text(presetToken) + "</tptz:PresetToken>")
                + "</tptz:SetPreset>";
        return soap.call(endpoint, OnvifOperation.SET_PRESET, body, r -> Elements.requiredText(r, "PresetToken"));
    }

    public void removePreset(String profileToken, String presetToken) throws OnvifException {
        soap.call(endpoint, OnvifOperation.REMOVE_PRESET, "<tptz:RemovePreset>" + profileToken(profileToken)
                + "<tptz:PresetToken>" + XmlEscape.text(presetToken) + "</tptz:PresetToken></tptz:RemovePreset>");
    }

    private static String vector(PtzPosition p) {
        StringBuilder xml = new StringBuilder();
        if (p.pan().isPresent() || p.tilt().isPresent()) {
            xml.append("<tt:PanTilt x=\"").append(number(p.pan().orElse(0))).append("\" y=\"")
                    .append(number(p.tilt().orElse(0))).append("\"/>");
        }
        p.zoom().ifPresent(z -> xml.append("<tt:Zoom x=\"").append(number(z)).append("\"/>"));
        return xml.toString();
    }

    private static String profileToken(String token) {
        return "<tptz:ProfileToken>" + XmlEscape.text(token) + "</tptz:ProfileToken>";
    }

    /** Plain decimal: some camera parsers do not read exponents such as 1.0E-4. */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
