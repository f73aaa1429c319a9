package io.canhgac.gateway.camera;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.EventType;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One status per camera from two watchers: the stream (does video arrive and look right?) and
 * ONVIF (does the device answer and accept our account?). The camera is as bad as the worse of
 * the two, and only a change of that is reported, so a camera whose power fails raises one
 * offline event, not one per watcher. Other events pass through untouched.
 */
public final class CameraStatusMerger {

    /** Who saw the status. */
    public enum Source {
        STREAM("stream"), ONVIF("ONVIF"),
        /** The gateway's recording of the camera: stopped by the disk guard, the camera is degraded. */
        RECORDING("recording");

        private final String label;

        Source(String label) {
            this.label = label;
        }
    }

    private final CameraEventSink downstream;
    private final Map<String, EnumMap<Source, CameraEvent>> seen = new HashMap<>();
    private final Map<String, CameraStatus> reported = new HashMap<>();

    public CameraStatusMerger(CameraEventSink downstream) {
        this.downstream = downstream;
    }

    /** The sink one watcher delivers to. */
    public CameraEventSink from(Source source) {
        return event -> accept(source, event);
    }

    /** The camera left the gateway: its next status starts afresh. */
    public synchronized void forget(String cameraId) {
        seen.remove(cameraId);
        reported.remove(cameraId);
    }

    /** The merged status last reported; UNKNOWN before any. */
    public synchronized CameraStatus status(String cameraId) {
        return reported.getOrDefault(cameraId, CameraStatus.UNKNOWN);
    }

    private synchronized void accept(Source source, CameraEvent event) {
        if (event.status() == null
                || (event.type() != EventType.CAMERA_ONLINE && event.type() != EventType.CAMERA_OFFLINE)) {
            downstream.accept(event);
            return;
        }
        EnumMap<Source, CameraEvent> latest = seen.computeIfAbsent(event.cameraId(), id -> new EnumMap<>(Source.class));
        latest.put(source, event);
        Source worstSource = source;
        for (Map.Entry<Source, CameraEvent> e : latest.entrySet()) {
            if (rank(e.getValue().status()) > rank(latest.get(worstSource).status())) {
                worstSource = e.getKey();
            }
        }
        CameraEvent worst = latest.get(worstSource);
        if (worst.status() == reported.get(event.cameraId())) {
            return;
        }
        reported.put(event.cameraId(), worst.status());
        String detail = worst.detail() == null ? null : worstSource.label + ": " + worst.detail();
        downstream.accept(new CameraEvent(UUID.randomUUID(), event.cameraId(), worst.type(), event.occurredAt(),
                null, worst.status(), detail));
    }

    private static int rank(CameraStatus status) {
        return switch (status) {
            case UNKNOWN, ONLINE -> 0;
            case DEGRADED -> 1;
            case UNAUTHORIZED -> 2;
            case OFFLINE -> 3;
        };
    }
}
