package io.canhgac.district;

import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.contract.registry.PtzCommand;
import io.canhgac.event.live.LiveServer;
import io.canhgac.gateway.GatewayAssembly;
import io.canhgac.gateway.GatewayNodeSettings;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.camera.CameraState;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.onboarding.CameraOnboarding;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifException;
import org.springframework.beans.factory.DisposableBean;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The in-process gateway. It starts once the web server listens and talks to it over HTTP exactly
 * as a gateway in a commune would: it asks the registry which cameras to pull and watch, and
 * publishes their events. The gateway itself is {@link GatewayAssembly}; this maps the district's
 * properties onto it and serves the event-service's hooks (live view port, PTZ, registry changes).
 */
final class GatewayLifecycle implements DisposableBean, LiveServer {

    private final GatewaySettings settings;
    private final DistrictProperties.Gateway properties;
    private final MediaSettings media;
    private final GatewayAssembly gateway = new GatewayAssembly(OnvifClientSettings.DEFAULTS);

    /** @param media event snapshots and clips; null for none */
    GatewayLifecycle(GatewaySettings settings, DistrictProperties.Gateway properties, MediaSettings media) {
        this.settings = settings;
        this.properties = properties;
        this.media = media;
    }

    /** @param liveSecret the key the event-service signs live view tickets with */
    void start(String serviceUrl, String token, byte[] liveSecret) {
        gateway.start(nodeSettings(serviceUrl, token, liveSecret));
    }

    /** In process the service is on loopback; the outbox keeps events through a restart of the database or the server. */
    private GatewayNodeSettings nodeSettings(String serviceUrl, String token, byte[] liveSecret) {
        DistrictProperties.Live live = properties.live();
        return new GatewayNodeSettings(serviceUrl, token, Duration.ofMillis(500), Duration.ofSeconds(3), settings, media,
                properties.health().settings(), properties.onvifThreads(), properties.registryRefresh(), Map.of(),
                live.enabled() ? new GatewayNodeSettings.LiveView(new InetSocketAddress(live.address(), live.port()), liveSecret)
                        : null, properties.outbox().isBlank() ? null : Path.of(properties.outbox()), null);
    }

    /** Onboarding shares the gateway's ONVIF client. */
    CameraOnboarding onboarding(Duration streamTimeout) {
        return gateway.onboarding(streamTimeout);
    }

    @Override
    public int port() {
        return gateway.livePort().orElse(properties.live().port());
    }

    /** @throws IllegalStateException the camera is not on this gateway (yet) or has no PTZ */
    void ptz(String cameraId, PtzCommand command) throws OnvifException {
        CameraAssignment camera = gateway.assignment(cameraId).orElseThrow(
                () -> new IllegalStateException("camera " + cameraId + " is not on this gateway yet"));
        gateway.ptz().apply(camera, command);
    }

    /** The registry changed: fetch it now rather than at the next refresh. */
    void camerasChanged() {
        gateway.refreshNow();
    }

    List<CameraState> states() {
        return gateway.states();
    }

    @Override
    public void destroy() {
        gateway.close();
    }
}
