package io.canhgac.gateway.registry;

import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.contract.registry.PtzCommand;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import io.canhgac.gateway.onvif.ptz.OnvifPtzClient;
import io.canhgac.gateway.onvif.ptz.PtzVelocity;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves registered cameras' PTZ heads over ONVIF. A move carries a timeout, so a "stop" lost on a
 * weak link does not leave the camera turning. Blocking: call it off any event loop.
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

    /** An operator's command as the centre sends it. */
    public void apply(CameraAssignment camera, PtzCommand command) throws OnvifException {
        switch (command.action()) {
            case MOVE -> move(camera, command.pan(), command.tilt(), command.zoom());
            case STOP -> stop(camera);
            case PRESET -> gotoPreset(camera, command.preset());
        }
    }

    public void move(CameraAssignment camera, double pan, double tilt, double zoom) throws OnvifException {
        client(camera).continuousMove(profile(camera), new PtzVelocity(pan, tilt, zoom), MOVE_TIMEOUT);
    }

    public void stop(CameraAssignment camera) throws OnvifException {
        client(camera).stop(profile(camera));
    }

    public void gotoPreset(CameraAssignment camera, String preset) throws OnvifException {
        client(camera).gotoPreset(profile(camera), preset);
    }

    private OnvifPtzClient client(CameraAssignment camera) throws OnvifException {
        if (camera.deviceService() == null || !camera.ptz()) {
            throw new IllegalStateException("camera " + camera.id() + " has no PTZ");
        }
        Head head = heads.get(camera.deviceService());
        if (head == null || !head.account().equals(ManagedCameras.account(camera))) {
            SoapClient soap = new SoapClient(http, settings, ManagedCameras.account(camera), Clock.systemUTC());
            OnvifDeviceClient device = new OnvifDeviceClient(soap, URI.create(camera.deviceService()));
            device.synchronizeClock();
            URI ptz = device.serviceAddresses().of(OnvifService.PTZ).orElse(device.endpoint());
            head = new Head(ManagedCameras.account(camera), new OnvifPtzClient(soap, ptz));
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
