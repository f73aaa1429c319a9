package io.canhgac.gateway.registry;

import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import io.canhgac.gateway.onvif.device.ServiceAddresses;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;

/**
 * A registered camera opened for ONVIF calls from the centre: its account, its clock offset (so
 * WS-Security timestamps pass) and its service addresses. Blocking: open it off any event loop.
 */
record CameraSession(SoapClient soap, OnvifDeviceClient device, ServiceAddresses services) {

    static CameraSession open(HttpClient http, OnvifClientSettings settings, CameraAssignment camera) throws OnvifException {
        if (camera.deviceService() == null) {
            throw new IllegalStateException("camera " + camera.id() + " has no ONVIF device service");
        }
        SoapClient soap = new SoapClient(http, settings, ManagedCameras.account(camera), Clock.systemUTC());
        OnvifDeviceClient device = new OnvifDeviceClient(soap, URI.create(camera.deviceService()));
        device.synchronizeClock();
        return new CameraSession(soap, device, device.serviceAddresses());
    }

    /** The service's address, or the device address, where cameras that do not list a service usually serve it. */
    URI address(OnvifService service) {
        return services.of(service).orElse(device.endpoint());
    }
}
