package io.canhgac.gateway.registry;

import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.contract.registry.CameraTopic;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.events.OnvifEventsClient;

import java.net.http.HttpClient;
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
        CameraSession session = CameraSession.open(http, settings, camera);
        return new OnvifEventsClient(session.soap(), session.address(OnvifService.EVENTS)).getEventProperties().stream()
                .map(t -> new CameraTopic(t.topic(), t.property(), t.dataItems())).toList();
    }
}
