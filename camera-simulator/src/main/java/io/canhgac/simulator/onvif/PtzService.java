package io.canhgac.simulator.onvif;

import org.w3c.dom.Element;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The PTZ service (tptz, PTZ 2): continuous moves, stop, presets and status, on {@link PtzState}. */
final class PtzService implements SoapService {

    static final String PAN_TILT_POSITION_SPACE = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace";
    static final String ZOOM_POSITION_SPACE = "http://www.onvif.org/ver10/tptz/ZoomSpaces/PositionGenericSpace";
    static final String PAN_TILT_VELOCITY_SPACE = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/VelocityGenericSpace";
    static final String ZOOM_VELOCITY_SPACE = "http://www.onvif.org/ver10/tptz/ZoomSpaces/VelocityGenericSpace";
    /** A move without a Timeout stops by itself after this, so a client that dies mid-move does not spin the camera for ever. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final OnvifDevice device;

    PtzService(OnvifDevice device) {
        this.device = device;
    }

    @Override
    public CompletionStage<String> handle(SoapCall call) throws SoapFault {
        String operation = call.request().operation().getLocalPart();
        switch (operation) {
            case "ContinuousMove", "Stop", "GetPresets", "GotoPreset", "GetStatus" -> requireProfile(call);
            default -> throw SoapService.unsupported(call);
        }
        return switch (operation) {
            case "ContinuousMove" -> SoapService.answer(continuousMove(call));
            case "Stop" -> SoapService.answer(stop(call));
            case "GetPresets" -> SoapService.answer(presets());
            case "GotoPreset" -> SoapService.answer(gotoPreset(call));
            default -> SoapService.answer(status());
        };
    }

    private XmlBuilder continuousMove(SoapCall call) throws SoapFault {
        Element velocity = Dom.child(call.request().body(), Ns.TPTZ, "Velocity")
                .orElseThrow(() -> SoapFault.invalidArgs("ContinuousMove needs a Velocity"));
        Optional<Element> panTilt = Dom.child(velocity, Ns.TT, "PanTilt");
        Optional<Element> zoom = Dom.child(velocity, Ns.TT, "Zoom");
        // An axis left out of the velocity does not move.
        PtzVector v = vector(
                panTilt.isPresent() ? number(panTilt.get(), "x") : 0,
                panTilt.isPresent() ? number(panTilt.get(), "y") : 0,
                zoom.isPresent() ? number(zoom.get(), "x") : 0);
        Optional<String> timeout = call.request().param(Ns.TPTZ, "Timeout");
        Duration t = timeout.isPresent() ? Xsd.duration(timeout.get()) : DEFAULT_TIMEOUT;
        device.ptz().continuousMove(v, Optional.of(t));
        return new XmlBuilder().empty("tptz:ContinuousMoveResponse");
    }

    private XmlBuilder stop(SoapCall call) {
        boolean panTilt = call.request().param(Ns.TPTZ, "PanTilt").map("true"::equalsIgnoreCase).orElse(true);
        boolean zoom = call.request().param(Ns.TPTZ, "Zoom").map("true"::equalsIgnoreCase).orElse(true);
        device.ptz().stop(panTilt, zoom);
        return new XmlBuilder().empty("tptz:StopResponse");
    }

    private XmlBuilder presets() {
        XmlBuilder x = new XmlBuilder().open("tptz:GetPresetsResponse");
        for (PtzPreset p : device.ptz().presets()) {
            x.open("tptz:Preset", "token", p.token()).leaf("tt:Name", p.name());
            position(x, "tt:PTZPosition", p.position());
            x.close();
        }
        return x.close();
    }

    private XmlBuilder gotoPreset(SoapCall call) throws SoapFault {
        String token = call.request().param(Ns.TPTZ, "PresetToken")
                .orElseThrow(() -> SoapFault.invalidArgs("GotoPreset needs a PresetToken"));
        if (!device.ptz().gotoPreset(token)) {
            throw SoapFault.invalidArgVal("NoToken", "No preset with token '" + token + "'");
        }
        return new XmlBuilder().empty("tptz:GotoPresetResponse");
    }

    private XmlBuilder status() {
        PtzState ptz = device.ptz();
        PtzVector velocity = ptz.velocity();
        XmlBuilder x = new XmlBuilder().open("tptz:GetStatusResponse").open("tptz:PTZStatus");
        position(x, "tt:Position", ptz.position());
        return x.open("tt:MoveStatus")
                .leaf("tt:PanTilt", velocity.pan() != 0 || velocity.tilt() != 0 ? "MOVING" : "IDLE")
                .leaf("tt:Zoom", velocity.zoom() != 0 ? "MOVING" : "IDLE")
                .close()
                .leaf("tt:UtcTime", Xsd.dateTime(device.clock().instant()))
                .close().close();
    }

    private static void position(XmlBuilder x, String element, PtzVector p) {
        x.open(element)
                .empty("tt:PanTilt", "x", format(p.pan()), "y", format(p.tilt()), "space", PAN_TILT_POSITION_SPACE)
                .empty("tt:Zoom", "x", format(p.zoom()), "space", ZOOM_POSITION_SPACE)
                .close();
    }

    private void requireProfile(SoapCall call) throws SoapFault {
        String token = call.request().param(Ns.TPTZ, "ProfileToken")
                .orElseThrow(() -> SoapFault.invalidArgs("ProfileToken is required"));
        if (device.media().profile(token).isEmpty()) {
            throw SoapFault.invalidArgVal("NoProfile", "No profile with token '" + token + "'");
        }
    }

    private static double number(Element e, String attribute) throws SoapFault {
        String text = Dom.attribute(e, attribute).orElse("0");
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            throw SoapFault.invalidArgVal("InvalidVelocity", "Not a number: " + attribute + "=\"" + text + "\"");
        }
    }

    private static PtzVector vector(double pan, double tilt, double zoom) throws SoapFault {
        try {
            return new PtzVector(pan, tilt, zoom);
        } catch (IllegalArgumentException e) {
            throw SoapFault.invalidArgVal("InvalidVelocity", e.getMessage());
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
