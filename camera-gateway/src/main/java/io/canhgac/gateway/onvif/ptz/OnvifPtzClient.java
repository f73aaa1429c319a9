package io.canhgac.gateway.onvif.ptz;

import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.xml.XmlEscape;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The PTZ service of one camera: move, stop and presets, always for a media profile. */
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
