package io.canhgac.gateway.health;

import io.canhgac.gateway.camera.CameraEventSink;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import io.netty.channel.EventLoop;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Everything the gateway follows over ONVIF for one onboarded camera: its health, through the
 * shared poller, and its own motion and tamper events, through a pull point. Both share one SOAP
 * client, so the clock offset the health check measures also dates the subscription's tokens.
 */
public final class OnvifCameraWatch implements AutoCloseable {

    private final String cameraId;
    private final CameraHealthPoller poller;
    private final OnvifHealthCheck check;
    private final CameraEventSubscription events;

    public OnvifCameraWatch(String cameraId, URI deviceService, OnvifCredentials credentials, HttpClient http,
                            OnvifClientSettings settings, CameraHealthPoller poller, PullSettings pull,
                            CameraEventSink sink, EventLoop loop, Executor blocking) {
        this.cameraId = cameraId;
        this.poller = poller;
        SoapClient soap = new SoapClient(http, settings, credentials, Clock.systemUTC());
        OnvifDeviceClient device = new OnvifDeviceClient(soap, deviceService);
        this.check = new OnvifHealthCheck(device);
        this.events = new CameraEventSubscription(cameraId, soap, device, pull, sink, loop, blocking);
    }

    public OnvifCameraWatch start() {
        poller.watch(cameraId, check);
        events.start();
        return this;
    }

    public CameraEventSubscription events() {
        return events;
    }

    @Override
    public void close() {
        poller.unwatch(cameraId);
        events.close();
    }
}
