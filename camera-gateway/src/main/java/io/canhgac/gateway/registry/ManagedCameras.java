package io.canhgac.gateway.registry;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.camera.CameraEventSink;
import io.canhgac.gateway.camera.CameraStatusMerger;
import io.canhgac.gateway.health.OnvifWatches;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.video.StreamUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the gateway's pulls and ONVIF watches equal to the registry's list: new cameras start,
 * changed ones (new stream, address or password) restart, removed ones stop.
 */
public final class ManagedCameras {

    private static final Logger log = LoggerFactory.getLogger(ManagedCameras.class);

    private final CameraGateway streams;
    private final OnvifWatches onvif;
    private final CameraStatusMerger merger;
    private final CameraEventSink sink;
    private final Map<String, CameraAssignment> current = new HashMap<>();

    /** @param sink where a camera that cannot be used as registered is reported (once per change) */
    public ManagedCameras(CameraGateway streams, OnvifWatches onvif, CameraStatusMerger merger, CameraEventSink sink) {
        this.streams = streams;
        this.onvif = onvif;
        this.merger = merger;
        this.sink = sink;
    }

    public synchronized void apply(List<CameraAssignment> assignments) {
        Map<String, CameraAssignment> wanted = new HashMap<>();
        assignments.forEach(a -> wanted.put(a.id(), a));
        for (String id : Set.copyOf(current.keySet())) {
            if (!wanted.containsKey(id)) {
                stop(id);
                current.remove(id);
                log.info("Camera {} left the registry: no longer pulled", id);
            }
        }
        for (CameraAssignment a : assignments) {
            if (!a.equals(current.get(a.id()))) {
                boolean known = current.containsKey(a.id());
                stop(a.id());
                start(a);
                current.put(a.id(), a);
                log.info("Camera {} {}: {}", a.id(), known ? "changed in the registry" : "joined",
                        a.deviceService() == null ? "stream only" : "ONVIF at " + a.deviceService());
            }
        }
    }

    /** The camera's stream with its account, for the live server; empty for an unknown camera or a missing main stream. */
    public synchronized Optional<String> streamUrl(String cameraId, boolean main) {
        CameraAssignment a = current.get(cameraId);
        String url = a == null ? null : main ? a.mainStream() : a.subStream();
        return url == null ? Optional.empty() : Optional.of(StreamUrls.withCredentials(URI.create(url), account(a)));
    }

    public synchronized Optional<CameraAssignment> assignment(String cameraId) {
        return Optional.ofNullable(current.get(cameraId));
    }

    public synchronized Set<String> cameraIds() {
        return Set.copyOf(current.keySet());
    }

    private void start(CameraAssignment a) {
        if (a.problem() != null) {
            sink.accept(CameraEvent.health(a.id(), CameraStatus.UNAUTHORIZED, Instant.now(), a.problem()));
            return;
        }
        String main = a.mainStream() == null ? null : StreamUrls.withCredentials(URI.create(a.mainStream()), account(a));
        streams.attach(a.id(), StreamUrls.withCredentials(URI.create(a.subStream()), account(a)), main,
                CameraMotionSettings.from(a.motion()));
        if (a.deviceService() != null) {
            onvif.watch(a.id(), URI.create(a.deviceService()), account(a));
        }
    }

    static OnvifCredentials account(CameraAssignment a) {
        return OnvifCredentials.of(a.username(), a.password());
    }

    private void stop(String cameraId) {
        streams.detach(cameraId);
        onvif.unwatch(cameraId);
        merger.forget(cameraId);
    }
}
