package io.canhgac.gateway.registry;

import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.contract.registry.CameraPreset;
import io.canhgac.contract.registry.PtzCommand;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.ptz.OnvifPtzClient;
import io.canhgac.gateway.onvif.ptz.PtzPosition;
import io.canhgac.gateway.onvif.ptz.PtzPreset;
import io.canhgac.gateway.onvif.ptz.PtzVelocity;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves registered cameras' PTZ heads over ONVIF and keeps their presets. A move carries a timeout,
 * so a "stop" lost on a weak link does not leave the camera turning. Blocking: call it off any event loop.
 */
public final class PtzControl {

    /** The longest a single move lasts without a new command. */
    public static final Duration MOVE_TIMEOUT = Duration.ofSeconds(1);

    private final HttpClient http;
    private final OnvifClientSettings settings;
    /** Per device service: the SOAP client (it keeps the camera's clock offset) and the PTZ address. */
    private final Map<String, Head> heads = new ConcurrentHashMap<>();

    private record Head(OnvifCredentials account, OnvifPtzClient client) {
    }

    public PtzControl(HttpClient http, OnvifClientSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** An operator's command as the centre sends it (and has checked: {@link PtzCommand#problem()}). */
    public void apply(CameraAssignment camera, PtzCommand command) throws OnvifException {
        if (command.problem() != null) {
            throw new IllegalStateException(command.problem());
        }
        OnvifPtzClient ptz = client(camera);
        String profile = profile(camera);
        switch (command.action()) {
            case MOVE -> ptz.continuousMove(profile, velocity(command), MOVE_TIMEOUT);
            case STOP -> ptz.stop(profile);
            case PRESET -> ptz.gotoPreset(profile, command.preset());
            case ABSOLUTE -> ptz.absoluteMove(profile, new PtzPosition(OptionalDouble.of(command.pan()),
                    OptionalDouble.of(command.tilt()), OptionalDouble.of(command.zoom())));
            case RELATIVE -> ptz.relativeMove(profile, velocity(command));
            case SET_PRESET -> ptz.setPreset(profile, command.presetName(), command.preset());
            case REMOVE_PRESET -> ptz.removePreset(profile, command.preset());
        }
    }

    /** The presets stored for the camera's main profile, in the camera's order. */
    public List<CameraPreset> presets(CameraAssignment camera) throws OnvifException {
        return client(camera).getPresets(profile(camera)).stream().map(PtzControl::preset).toList();
    }

    private static CameraPreset preset(PtzPreset p) {
        return new CameraPreset(p.token(), p.name(), axis(p.position().pan()), axis(p.position().tilt()), axis(p.position().zoom()));
    }

    private static Double axis(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static PtzVelocity velocity(PtzCommand command) {
        return new PtzVelocity(command.pan(), command.tilt(), command.zoom());
    }

    private OnvifPtzClient client(CameraAssignment camera) throws OnvifException {
        if (camera.deviceService() == null || !camera.ptz()) {
            throw new IllegalStateException("camera " + camera.id() + " has no PTZ");
        }
        Head head = heads.get(camera.deviceService());
        if (head == null || !head.account().equals(ManagedCameras.account(camera))) {
            CameraSession session = CameraSession.open(http, settings, camera);
            head = new Head(ManagedCameras.account(camera), new OnvifPtzClient(session.soap(), session.address(OnvifService.PTZ)));
            heads.put(camera.deviceService(), head);
        }
        return head.client();
    }

    private static String profile(CameraAssignment camera) {
        if (camera.mainProfile() == null) {
            throw new IllegalStateException("camera " + camera.id() + " has no media profile for PTZ");
        }
        return camera.mainProfile();
    }
}
