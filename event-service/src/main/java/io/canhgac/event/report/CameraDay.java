package io.canhgac.event.report;

import io.canhgac.contract.EventType;

import java.util.Map;

/**
 * One camera's day: events by type (every type, zeros included) and time by status, in seconds.
 * {@code uptime} = online / period (UNKNOWN time counts as not up); {@code uptimeOfKnown} =
 * online / (online + down); each a fraction 0..1, null when undefined.
 */
record CameraDay(String cameraId, String camera, Map<EventType, Long> counts, long events, long onlineSeconds,
                 long downSeconds, long unknownSeconds, Double uptime, Double uptimeOfKnown) {
}
