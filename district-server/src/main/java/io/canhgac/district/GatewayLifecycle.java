package io.canhgac.district;

import io.canhgac.event.camera.PtzCommand;
import io.canhgac.event.live.LiveServer;
import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.camera.CameraState;
import io.canhgac.gateway.camera.CameraStatusMerger;
import io.canhgac.gateway.health.OnvifWatches;
import io.canhgac.gateway.health.PullSettings;
import io.canhgac.gateway.live.LiveSettings;
import io.canhgac.gateway.live.LiveStream;
import io.canhgac.gateway.live.LiveViewServer;
import io.canhgac.gateway.live.TicketVerifier;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.media.MediaSpool;
import io.canhgac.gateway.media.MediaUploader;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.publish.HttpEventPublisher;
import io.canhgac.gateway.publish.StreamStatsReporter;
import io.canhgac.gateway.registry.AssignmentClient;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.registry.AssignmentFollower;
import io.canhgac.gateway.registry.CameraAssignment;
import io.canhgac.gateway.registry.PtzControl;
import io.canhgac.gateway.registry.ManagedCameras;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The in-process gateway. It starts once the web server listens and talks to it over HTTP exactly
 * as a gateway in a commune would: it asks the registry which cameras to pull and watch, and
 * publishes their events.
 */
final class GatewayLifecycle implements DisposableBean, LiveServer {

    private static final Logger log = LoggerFactory.getLogger(GatewayLifecycle.class);

    private final GatewaySettings settings;
    private final DistrictProperties.Gateway properties;
    private final MediaSettings media;
    private HttpEventPublisher publisher;
    private MediaUploader uploader;
    private StreamStatsReporter stats;
    private CameraGateway streams;
    private OnvifWatches onvif;
    private AssignmentFollower follower;
    private LiveViewServer live;
    private ManagedCameras cameras;
    private final PtzControl ptz = new PtzControl(HttpClient.newHttpClient(), OnvifClientSettings.DEFAULTS);

    /** @param media event snapshots and clips; null for none */
    GatewayLifecycle(GatewaySettings settings, DistrictProperties.Gateway properties, MediaSettings media) {
        this.settings = settings;
        this.properties = properties;
        this.media = media;
    }

    /** @param liveSecret the key the event-service signs live view tickets with */
    synchronized void start(String serviceUrl, String token, byte[] liveSecret) {
        if (streams != null) {
            return;
        }
        publisher = new HttpEventPublisher(serviceUrl, token, Duration.ofSeconds(10),
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)));
        CameraStatusMerger merger = new CameraStatusMerger(publisher);
        streams = new CameraGateway(Map.of(), settings, cameraId -> CameraMotionSettings.DEFAULTS,
                merger.from(CameraStatusMerger.Source.STREAM), media).start();
        if (media != null) {
            uploader = new MediaUploader(new MediaSpool(media.spoolDir()), serviceUrl, token, Duration.ofSeconds(60),
                    new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)), Duration.ofSeconds(1));
        }
        onvif = new OnvifWatches(OnvifClientSettings.DEFAULTS, properties.health().settings(), PullSettings.DEFAULTS,
                merger.from(CameraStatusMerger.Source.ONVIF), properties.onvifThreads());
        cameras = new ManagedCameras(streams, onvif, merger, publisher);
        stats = new StreamStatsReporter(serviceUrl, token, StreamStatsReporter.PERIOD, streams::streamReports).start();
        if (properties.live().enabled()) {
            startLive(cameras, liveSecret);
        }
        follower = new AssignmentFollower(new AssignmentClient(serviceUrl, token, Duration.ofSeconds(10)), cameras,
                properties.registryRefresh()).start();
        log.info("Gateway following the registry at {}, health checks every {}", serviceUrl, properties.health().interval());
    }

    private void startLive(ManagedCameras cameras, byte[] secret) {
        try {
            live = LiveViewServer.start(new InetSocketAddress(properties.live().address(), properties.live().port()),
                    (cameraId, stream) -> cameras.streamUrl(cameraId, stream == LiveStream.MAIN),
                    new TicketVerifier(secret), LiveSettings.DEFAULTS, fragment -> { });
            log.info("Live view on {}:{}", properties.live().address(), live.port());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the rest of the gateway still works without live view: say so and go on
            log.error("Live view not started on port {}: {}", properties.live().port(), e.toString());
        }
    }

    @Override
    public synchronized int port() {
        return live == null ? properties.live().port() : live.port();
    }

    /** @throws IllegalStateException the camera is not on this gateway (yet) or has no PTZ */
    void ptz(String cameraId, PtzCommand command) throws OnvifException {
        CameraAssignment camera;
        synchronized (this) {
            camera = cameras == null ? null : cameras.assignment(cameraId).orElse(null);
        }
        if (camera == null) {
            throw new IllegalStateException("camera " + cameraId + " is not on this gateway yet");
        }
        switch (command.action()) {
            case MOVE -> ptz.move(camera, command.pan(), command.tilt(), command.zoom());
            case STOP -> ptz.stop(camera);
            case PRESET -> ptz.gotoPreset(camera, command.preset());
        }
    }

    /** The registry changed: fetch it now rather than at the next refresh. */
    synchronized void camerasChanged() {
        if (follower != null) {
            follower.refreshNow();
        }
    }

    synchronized List<CameraState> states() {
        return streams == null ? List.of() : streams.states();
    }

    @Override
    public synchronized void destroy() {
        if (live != null) {
            live.close();
        }
        if (streams != null) {
            follower.close();
            stats.close();
            onvif.close();
            streams.close();
            publisher.close();
            if (uploader != null) {
                uploader.close(); // what is left stays in the spool for the next start
            }
        }
    }
}
