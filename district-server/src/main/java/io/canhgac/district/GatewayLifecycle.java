package io.canhgac.district;

import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.contract.registry.CameraImaging;
import io.canhgac.contract.registry.CameraPreset;
import io.canhgac.contract.registry.CameraTopic;
import io.canhgac.contract.registry.PtzCommand;
import io.canhgac.gateway.GatewayAssembly;
import io.canhgac.gateway.GatewayNodeSettings;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.camera.CameraState;
import io.canhgac.gateway.live.LiveSettings;
import io.canhgac.gateway.live.LiveSources;
import io.canhgac.gateway.live.LiveStream;
import io.canhgac.gateway.live.PlaybackSources;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.onboarding.CameraOnboarding;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.recording.GatewayRecording;
import io.canhgac.gateway.recording.RecordingSettings;
import org.springframework.beans.factory.DisposableBean;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-process gateway. It starts once the web server listens and talks to it over HTTP exactly
 * as a gateway in a commune would: it asks the registry which cameras to pull and watch, and
 * publishes their events. The gateway itself is {@link GatewayAssembly}; this maps the district's
 * properties onto it and serves the event-service's hooks (PTZ, registry changes, recordings) and the
 * centre's live server (its cameras' streams and recordings: it runs no live server of its own, so
 * there is one live port).
 */
final class GatewayLifecycle implements DisposableBean {

    private final GatewaySettings settings;
    private final DistrictProperties.Gateway properties;
    private final MediaSettings media;
    private final RecordingSettings recordingSettings;
    private final GatewayAssembly gateway = new GatewayAssembly(OnvifClientSettings.DEFAULTS);
    /** Once started; read unlocked from the live server's event loop, unlike the assembly's own accessor. */
    private volatile GatewayRecording recording;

    /**
     * @param media     event snapshots and clips (and recording exports); null for none
     * @param recording around-the-clock recording of every camera; null for none
     */
    GatewayLifecycle(GatewaySettings settings, DistrictProperties.Gateway properties, MediaSettings media,
                     RecordingSettings recording) {
        this.settings = settings;
        this.properties = properties;
        this.media = media;
        this.recordingSettings = recording;
    }

    void start(String serviceUrl, String token) {
        gateway.start(nodeSettings(serviceUrl, token).withRecording(recordingSettings));
        recording = gateway.recording().orElse(null);
    }

    /** Whether it is set to record (it records once started). */
    boolean records() {
        return recordingSettings != null;
    }

    /** Its recording; empty when it records nothing or before it starts. */
    Optional<GatewayRecording> recording() {
        return Optional.ofNullable(recording);
    }

    /**
     * Its cameras' recordings played for the centre's live server, read from the segments as a commune
     * gateway reads them for its link. The recorded stream is played whichever stream the ticket names,
     * as a commune's gateway does.
     */
    PlaybackSources playbackSources() {
        return (cameraId, stream, from, speed) -> recording().flatMap(r -> r.playback(cameraId, from, speed));
    }

    /** In process the service is on loopback; the outbox keeps events through a restart of the database or the server. */
    private GatewayNodeSettings nodeSettings(String serviceUrl, String token) {
        return new GatewayNodeSettings(serviceUrl, token, Duration.ofMillis(500), Duration.ofSeconds(3), settings, media,
                properties.health().settings(), properties.onvifThreads(), properties.registryRefresh(), Map.of(), null,
                properties.outbox().isBlank() ? null : Path.of(properties.outbox()), null);
    }

    /** Its cameras' streams, read from the cameras, for the centre's live server; none before it starts. */
    LiveSources liveSources() {
        return LiveSources.rtsp((cameraId, stream) -> gateway.streamUrl(cameraId, stream == LiveStream.MAIN),
                LiveSettings.DEFAULTS.ioTimeout());
    }

    /** Onboarding shares the gateway's ONVIF client. */
    CameraOnboarding onboarding(Duration streamTimeout) {
        return gateway.onboarding(streamTimeout);
    }

    /** @throws IllegalStateException the camera is not on this gateway (yet) or has no PTZ */
    void ptz(String cameraId, PtzCommand command) throws OnvifException {
        gateway.ptz().apply(camera(cameraId), command);
    }

    /** @throws IllegalStateException the camera is not on this gateway (yet) */
    List<CameraTopic> topics(String cameraId) throws OnvifException {
        return gateway.topics().read(camera(cameraId));
    }

    /** @throws IllegalStateException the camera is not on this gateway (yet) */
    CameraImaging imaging(String cameraId) throws OnvifException {
        return gateway.imaging().read(camera(cameraId));
    }

    /** @throws IllegalStateException the camera is not on this gateway (yet) or has no PTZ */
    List<CameraPreset> presets(String cameraId) throws OnvifException {
        return gateway.ptz().presets(camera(cameraId));
    }

    private CameraAssignment camera(String cameraId) {
        return gateway.assignment(cameraId).orElseThrow(
                () -> new IllegalStateException("camera " + cameraId + " is not on this gateway yet"));
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
