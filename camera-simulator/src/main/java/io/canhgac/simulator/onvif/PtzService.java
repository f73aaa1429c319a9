package io.canhgac.simulator.onvif;

import org.w3c.dom.Element;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The PTZ service (tptz, PTZ 2): continuous, absolute and relative moves, stop, presets and status, on {@link PtzState}. */
final class PtzService implements SoapService {

    static final String PAN_TILT_POSITION_SPACE = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace";
    static final String ZOOM_POSITION_SPACE = "http://www.onvif.org/ver10/tptz/ZoomSpaces/PositionGenericSpace";
    static final String PAN_TILT_VELOCITY_SPACE = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/VelocityGenericSpace";
    static final String ZOOM_VELOCITY_SPACE = "http://www.onvif.org/ver10/tptz/ZoomSpaces/VelocityGenericSpace";
    /** A move without a Timeout stops by itself after this, so a client that dies mid-move does not spin the camera for ever. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** The preset slots of the dome cameras the district buys. */
    static final int MAX_PRESETS = 32;

    private final OnvifDevice device;

    PtzService(OnvifDevice device) {
        this.device = device;
    }

    @Override
    public CompletionStage<String> handle(SoapCall call) throws SoapFault {
        String operation = call.request().operation().getLocalPart();
        switch (operation) {
            case "ContinuousMove", "Stop", "GetPresets", "GotoPreset", "GetStatus", "AbsoluteMove", "RelativeMove",
                 "SetPreset", "RemovePreset" -> requireProfile(call);
            default -> throw SoapService.unsupported(call);
        }
        return switch (operation) {
            case "ContinuousMove" -> SoapService.answer(continuousMove(call));
            case "Stop" -> SoapService.answer(stop(call));
            case "GetPresets" -> SoapService.answer(presets());
            case "GotoPreset" -> SoapService.answer(gotoPreset(call));
            case "AbsoluteMove" -> SoapService.answer(absoluteMove(call));
            case "RelativeMove" -> SoapService.answer(relativeMove(call));
            case "SetPreset" -> SoapService.answer(setPreset(call));
            case "RemovePreset" -> SoapService.answer(removePreset(call));
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

    /** An axis the Position leaves out stays where it is. */
    private XmlBuilder absoluteMove(SoapCall call) throws SoapFault {
        Element position = Dom.child(call.request().body(), Ns.TPTZ, "Position")
                .orElseThrow(() -> SoapFault.invalidArgs("AbsoluteMove needs a Position"));
        PtzVector now = device.ptz().position();
        Optional<Element> panTilt = Dom.child(position, Ns.TT, "PanTilt");
        Optional<Element> zoom = Dom.child(position, Ns.TT, "Zoom");
        double pan = panTilt.isPresent() ? number(panTilt.get(), "x") : now.pan();
        double tilt = panTilt.isPresent() ? number(panTilt.get(), "y") : now.tilt();
        double z = zoom.isPresent() ? number(zoom.get(), "x") : now.zoom();
        if (Math.abs(pan) > 1 || Math.abs(tilt) > 1 || z < 0 || z > 1) {
            throw SoapFault.invalidArgVal("InvalidPosition", "Position outside the generic space: " + pan + ", " + tilt + ", " + z);
        }
        device.ptz().absoluteMove(vector(pan, tilt, z));
        return new XmlBuilder().empty("tptz:AbsoluteMoveResponse");
    }

    private XmlBuilder relativeMove(SoapCall call) throws SoapFault {
        Element translation = Dom.child(call.request().body(), Ns.TPTZ, "Translation")
                .orElseThrow(() -> SoapFault.invalidArgs("RelativeMove needs a Translation"));
        Optional<Element> panTilt = Dom.child(translation, Ns.TT, "PanTilt");
        Optional<Element> zoom = Dom.child(translation, Ns.TT, "Zoom");
        device.ptz().relativeMove(vector(
                panTilt.isPresent() ? number(panTilt.get(), "x") : 0,
                panTilt.isPresent() ? number(panTilt.get(), "y") : 0,
                zoom.isPresent() ? number(zoom.get(), "x") : 0));
        return new XmlBuilder().empty("tptz:RelativeMoveResponse");
    }

    private XmlBuilder setPreset(SoapCall call) throws SoapFault {
        Optional<String> token = call.request().param(Ns.TPTZ, "PresetToken").filter(t -> !t.isEmpty());
        if (token.isPresent() && device.ptz().presets().stream().noneMatch(p -> p.token().equals(token.get()))) {
            throw SoapFault.invalidArgVal("NoToken", "No preset with token '" + token.get() + "' to overwrite");
        }
        String name = call.request().param(Ns.TPTZ, "PresetName").orElse("");
        if (device.ptz().presets().size() >= MAX_PRESETS && token.isEmpty()) {
            throw new SoapFault(SoapFault.Code.RECEIVER, List.of(Ns.TER.q("Action"), Ns.TER.q("TooManyPresets")),
                    "All " + MAX_PRESETS + " preset slots are used", null);
        }
        String stored = device.ptz().setPreset(name, token);
        return new XmlBuilder().open("tptz:SetPresetResponse").leaf("tptz:PresetToken", stored).close();
    }

    private XmlBuilder removePreset(SoapCall call) throws SoapFault {
        String token = call.request().param(Ns.TPTZ, "PresetToken")
                .orElseThrow(() -> SoapFault.invalidArgs("RemovePreset needs a PresetToken"));
        if (!device.ptz().removePreset(token)) {
            throw SoapFault.invalidArgVal("NoToken", "No preset with token '" + token + "'");
        }
        return new XmlBuilder().empty("tptz:RemovePresetResponse");
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
