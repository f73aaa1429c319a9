package io.canhgac.gateway.registry;

import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.contract.registry.CameraTopic;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import io.canhgac.gateway.onvif.events.OnvifEventsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

/**
 * Reads a registered camera's event topics (GetEventProperties) for the camera page. Asked rarely
 * (a technician opens the page), so nothing is kept between calls. Blocking: call it off any event loop.
 */
public final class CameraTopics {

    private final HttpClient http;
    private final OnvifClientSettings settings;

    public CameraTopics(HttpClient http, OnvifClientSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    public List<CameraTopic> read(CameraAssignment camera) throws OnvifException {
        if (camera.deviceService() == null) {
            throw new IllegalStateException("camera " + camera.id() + " has no ONVIF device service");
        }
        SoapClient soap = new SoapClient(http, settings, ManagedCameras.account(camera), Clock.systemUTC());
        OnvifDeviceClient device = new OnvifDeviceClient(soap, URI.create(camera.deviceService()));
        device.synchronizeClock();
        URI events = device.serviceAddresses().of(OnvifService.EVENTS).orElse(device.endpoint());
        return new OnvifEventsClient(soap, events).getEventProperties().stream()
                .map(t -> new CameraTopic(t.topic(), t.property(), t.dataItems())).toList();
    }
}
